package nl.ouderportaal.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The web layer's protections that are the same for every request: response headers, cookies and the
 * CSRF check. The CSRF token is a random value in the cookie {@code XSRF-TOKEN} (readable by script, so
 * API clients can echo it) that every state-changing request must send back, in the header
 * {@code X-XSRF-TOKEN} or the form field {@code _csrf}: another site can make a browser send the cookie,
 * but cannot read it to echo it.
 */
final class WebSecurity {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    static final String CSRF_FIELD = "_csrf";
    private static final String CSRF_ATTRIBUTE = "ouderportaal.csrf";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final SecureRandom RANDOM = new SecureRandom();

    /*
     * No inline script or style anywhere: every page works without JavaScript, and the only styles are
     * in /static/portal.css. Forms may only post to this origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final boolean secure;

    WebSecurity(boolean secure) {
        this.secure = secure;
    }

    boolean secure() {
        return secure;
    }

    /** Cookie names get the {@code __Host-} prefix where the browser allows it: only over HTTPS. */
    String cookieName(String base) {
        return secure ? "__Host-" + base : base;
    }

    void addHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // Links in mails carry a token in the query string: no page may leak its address to another site.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (secure) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (!ctx.path().startsWith("/static/")) {
            // Pages and API answers show data about children: never kept in a shared or browser cache.
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Issues the CSRF cookie on a client's first request, and remembers the token for forms. */
    void ensureCsrfToken(Context ctx) {
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(CSRF_COOKIE, token, "/", -1, secure, false, null, SameSite.STRICT);
            ctx.cookie(cookie);
        }
        ctx.attribute(CSRF_ATTRIBUTE, token);
    }

    static String csrfToken(Context ctx) {
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        return token == null ? "" : token;
    }

    /** Whether a state-changing request carries the client's own CSRF token back. */
    boolean csrfAccepted(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return true;
        }
        String cookie = ctx.cookie(CSRF_COOKIE);
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return cookie != null && sent != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    /** A session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, ending with the browser session. */
    void setSessionCookie(Context ctx, String base, String value) {
        ctx.cookie(new Cookie(cookieName(base), value, "/", -1, secure, true, null, SameSite.LAX));
    }

    void clearSessionCookie(Context ctx, String base) {
        ctx.cookie(new Cookie(cookieName(base), "", "/", 0, secure, true, null, SameSite.LAX));
    }

    String sessionCookie(Context ctx, String base) {
        String value = ctx.cookie(cookieName(base));
        return value == null || value.isBlank() ? null : value;
    }
}
