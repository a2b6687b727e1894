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
 * CSRF check. The CSRF token is in the cookie {@code XSRF-TOKEN} ({@code __Host-XSRF-TOKEN} over HTTPS;
 * readable by script, so API clients can echo it) and every state-changing request must send it back, in
 * the header {@code X-XSRF-TOKEN} or the form field {@code _csrf}: another site can make a browser send the
 * cookie, but cannot read it to echo it.
 *
 * <p>The token is tied to the browser's sessions: a random nonce and an HMAC of it keyed with the values
 * of the guardian and staff session cookies (which are HttpOnly, so no script and no other site knows
 * them). A token planted in the cookie, or one from before a login, does not match the session and is
 * replaced; each login or logout issues a new one. Every node checks it alike, without a shared key.
 */
final class WebSecurity {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final String SESSION_OVERRIDES = "ouderportaal.sessionCookies";
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

    /** The CSRF cookie's name: with the {@code __Host-} prefix over HTTPS, like the session cookies. */
    String csrfCookieName() {
        return cookieName(CSRF_COOKIE);
    }

    /**
     * Issues a CSRF cookie when the client has none that fits its present sessions (a first request, a
     * planted or stale token), and remembers the token for forms.
     */
    void ensureCsrfToken(Context ctx) {
        String token = ctx.cookie(csrfCookieName());
        if (token == null || !fitsSessions(ctx, token)) {
            issueCsrfToken(ctx);
        } else {
            ctx.attribute(CSRF_ATTRIBUTE, token);
        }
    }

    /** A new token for the sessions as they are after this request (called when a session starts or ends). */
    private void issueCsrfToken(Context ctx) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String token = nonce + "." + mac(ctx, nonce);
        ctx.cookie(new Cookie(csrfCookieName(), token, "/", -1, secure, false, null, SameSite.STRICT));
        ctx.attribute(CSRF_ATTRIBUTE, token);
    }

    private static final java.util.regex.Pattern CSRF_TOKEN_CHARACTERS = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+");

    private boolean fitsSessions(Context ctx, String token) {
        int dot = token.indexOf('.');
        if (token.length() > 100 || dot != 24 || !CSRF_TOKEN_CHARACTERS.matcher(token).matches()) {
            return false;
        }
        return MessageDigest.isEqual(mac(ctx, token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA256 of the nonce, keyed with the session cookies this request has (or will have after it). */
    private String mac(Context ctx, String nonce) {
        String key = "g=" + sessionValue(ctx, Web.GUARDIAN_COOKIE) + "&s=" + sessionValue(ctx, AdminAccess.STAFF_COOKIE);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A session cookie's value as the browser will hold it after this request ({@code ""} for none). */
    private String sessionValue(Context ctx, String base) {
        java.util.Map<String, String> changed = ctx.attribute(SESSION_OVERRIDES);
        String value = changed != null && changed.containsKey(base) ? changed.get(base) : ctx.cookie(cookieName(base));
        return value == null ? "" : value;
    }

    private void sessionChanged(Context ctx, String base, String value) {
        java.util.Map<String, String> changed = ctx.attribute(SESSION_OVERRIDES);
        if (changed == null) {
            changed = new java.util.HashMap<>();
            ctx.attribute(SESSION_OVERRIDES, changed);
        }
        changed.put(base, value);
        issueCsrfToken(ctx);
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
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isUrlEncodedForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return csrfMatches(ctx, sent);
    }

    /** Whether the sent token is the client's cookie token and fits the request's sessions. */
    boolean csrfMatches(Context ctx, String sent) {
        String cookie = ctx.cookie(csrfCookieName());
        return cookie != null && sent != null && fitsSessions(ctx, cookie) && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /*
     * A multipart body is never read here: only the image upload parses one, after its staff check and
     * within its size limits (see Uploads); its CSRF field is checked there.
     */
    private static boolean isUrlEncodedForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** A session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, ending with the browser session. */
    void setSessionCookie(Context ctx, String base, String value) {
        ctx.cookie(new Cookie(cookieName(base), value, "/", -1, secure, true, null, SameSite.LAX));
        sessionChanged(ctx, base, value);
    }

    void clearSessionCookie(Context ctx, String base) {
        ctx.cookie(new Cookie(cookieName(base), "", "/", 0, secure, true, null, SameSite.LAX));
        sessionChanged(ctx, base, "");
    }

    String sessionCookie(Context ctx, String base) {
        String value = ctx.cookie(cookieName(base));
        return value == null || value.isBlank() ? null : value;
    }
}
