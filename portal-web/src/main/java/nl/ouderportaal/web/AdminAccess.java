package nl.ouderportaal.web;

import io.javalin.http.Context;
import java.util.Optional;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;

/**
 * The staff side's per-request look-ups, shared by the administration pages and API: the staff session
 * (cookie {@code op_staff}, a server-side session from {@code portal.staffSessions()}), the host's
 * authenticator, and which school a request is for. Thread-safe.
 */
final class AdminAccess {

    static final String STAFF_COOKIE = "op_staff";
    private static final String STAFF_ATTRIBUTE = "ouderportaal.staff";
    static final LocalizedText NO_SCHOOLS = LocalizedText.of(
            "U werkt voor geen enkele school in het Ouderportaal.", "You do not work for any school in the parent portal.");

    static final LocalizedText ACCOUNT_STAFF_ONLY = LocalizedText.of(
            "Alleen medewerkers die verzorgers mogen uitnodigen kunnen dit doen.",
            "Only staff who may invite guardians can do this.");

    private final Web web;
    private final StaffAuthenticator authenticator;

    AdminAccess(Web web, StaffAuthenticator authenticator) {
        this.web = web;
        this.authenticator = authenticator;
    }

    /** Whether the host gave the web front end a staff login; without it only host-made sessions work. */
    boolean canLogIn() {
        return authenticator != null;
    }

    /**
     * Checks the credentials with the host, throttled per username by the core, and opens a staff session (a
     * fresh token, any old one closed).
     *
     * @return the staff user, or empty when the host refused the credentials
     */
    Optional<StaffActor> logIn(Context ctx, String username, String password) {
        if (authenticator == null) {
            return Optional.empty();
        }
        String user = AccountPages.bounded(username, 200);
        Optional<StaffActor> actor = web.portal.staffSessions().authenticate(user,
                () -> authenticator.authenticate(user, AccountPages.bounded(password, 1024)));
        if (actor.isPresent()) {
            logOut(ctx);
            web.security.setSessionCookie(ctx, STAFF_COOKIE, web.portal.staffSessions().open(actor.get()));
        }
        return actor;
    }

    /** Closes the staff session of the request, if any, and clears its cookie. */
    void logOut(Context ctx) {
        String token = web.security.sessionCookie(ctx, STAFF_COOKIE);
        if (token != null) {
            web.portal.staffSessions().close(token);
        }
        web.security.clearSessionCookie(ctx, STAFF_COOKIE);
        ctx.attribute(STAFF_ATTRIBUTE, Optional.empty());
    }

    /**
     * The staff user of the request's live session, looked up once per request, as the host knows them now
     * ({@link StaffAuthenticator#current}): when the host no longer knows them, the session is closed.
     */
    Optional<StaffActor> staff(Context ctx) {
        if (ctx.attribute(STAFF_ATTRIBUTE) == null) {
            String token = web.security.sessionCookie(ctx, STAFF_COOKIE);
            Optional<StaffActor> known = token == null ? Optional.empty() : web.portal.staffSessions().find(token);
            Optional<StaffActor> current = known.isEmpty() || authenticator == null ? known
                    : authenticator.current(known.get());
            if (known.isPresent() && current.isEmpty()) {
                web.portal.staffSessions().close(token);
                web.security.clearSessionCookie(ctx, STAFF_COOKIE);
            }
            ctx.attribute(STAFF_ATTRIBUTE, current);
        }
        return ctx.attribute(STAFF_ATTRIBUTE);
    }

    /**
     * Whether the browser's "log in as guardian" may go on: only together with the impersonator's own live
     * staff session, still an ADMIN of every school the impersonation was started for (the schools of the
     * guardian's children the administrator served then). A staff logout, a timeout or rights the host took
     * away end the impersonation at the next request.
     */
    boolean impersonationMayContinue(Context ctx, nl.ouderportaal.core.account.Session session) {
        return web.portal.impersonations().mayContinue(session, staff(ctx));
    }

    /** @throws StaffLoginRequired without a live staff session (pages: to the login page; API: 401) */
    StaffActor requireStaff(Context ctx) {
        return staff(ctx).orElseThrow(StaffLoginRequired::new);
    }

    /**
     * Deactivation is for ADMIN or INVITE staff: a 403 for others, as with the overview (the core itself
     * answers every refusal of a deactivation alike).
     */
    StaffActor requireAccountStaff(Context ctx) {
        StaffActor actor = requireStaff(ctx);
        if (!actor.has(StaffActor.Role.ADMIN) && !actor.has(StaffActor.Role.INVITE)) {
            throw new AccessRefusedException(ACCOUNT_STAFF_ONLY);
        }
        return actor;
    }

    /**
     * The school the request is for: the {@code school} parameter (query, or form field), else the staff
     * user's only school. The core checks that the staff user serves it.
     *
     * @param pickFirst for pages: with several schools and no choice, the first by id (the page offers the others)
     * @throws PortalValidationException (400) when the staff user serves several schools and none is chosen
     */
    SchoolId school(Context ctx, StaffActor actor, boolean pickFirst) {
        String chosen = ctx.queryParam("school");
        if ((chosen == null || chosen.isBlank()) && isForm(ctx)) {
            chosen = ctx.formParam("school");
        }
        if (chosen != null && !chosen.isBlank()) {
            try {
                return SchoolId.of(chosen.strip());
            } catch (IllegalArgumentException e) {
                throw PortalValidationException.of("school", "Onbekende school.", "Unknown school.");
            }
        }
        if (actor.schools().isEmpty()) {
            throw new AccessRefusedException(NO_SCHOOLS);
        }
        if (actor.schools().size() == 1) {
            return actor.schools().iterator().next();
        }
        if (pickFirst) {
            // The first school of the picker, which lists the schools by name.
            return web.portal.administration().schoolsOf(actor).keySet().iterator().next();
        }
        throw PortalValidationException.of("school",
                "U werkt voor meer dan één school: kies er een met de parameter school ("
                        + String.join(", ", actor.schools().stream().map(SchoolId::value).sorted().toList()) + ").",
                "You work for more than one school: choose one with the parameter school ("
                        + String.join(", ", actor.schools().stream().map(SchoolId::value).sorted().toList()) + ").");
    }

    static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    /** No live staff session: pages send the visitor to the administration login, the API answers 401. */
    static final class StaffLoginRequired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaffLoginRequired() {
            super(null, null, false, false);
        }
    }
}
