package nl.ouderportaal.web;

import io.javalin.http.Context;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StaffActor;

/**
 * Log in as guardian from the administration (R-IMP): the impersonation session becomes the browser's
 * guardian session, so the guardian pages and API show what the guardian sees (read-only by the core's
 * construction), with a banner and a way back.
 */
final class AdminImpersonation {

    private AdminImpersonation() {
    }

    /** Starts an impersonation (the core checks ADMIN and the school) and sets the guardian session cookie. */
    static void start(Web web, Context ctx, StaffActor actor, GuardianId guardian) {
        String token = web.portal.impersonations().start(actor, guardian);
        end(web, ctx);
        web.security.setSessionCookie(ctx, Web.GUARDIAN_COOKIE, token);
    }

    /** Ends the browser's impersonation session, if it has one, and clears the guardian session cookie. */
    static void end(Web web, Context ctx) {
        String token = web.sessionToken(ctx);
        if (token != null) {
            web.portal.authentication().session(token).filter(s -> s.isImpersonation())
                    .ifPresent(s -> web.portal.authentication().logout(token));
        }
        web.security.clearSessionCookie(ctx, Web.GUARDIAN_COOKIE);
    }
}
