package nl.ouderportaal.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers for requests that Jetty refuses before they reach the portal (a NUL byte or an ambiguous
 * encoding in the address, an address or headers that are too long): the same short, bilingual refusal as
 * the portal's own: a short page for a browser, JSON ({@code {error, message, fields}}) for other clients, and
 * never Jetty's page with its version and internals.
 */
final class ServerErrors implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        // Jetty no longer knows the address here: a page for browsers (they ask for HTML), JSON for the rest.
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean api = accept == null || !accept.contains("text/html");
        String body;
        if (api) {
            body = "{\"error\":\"bad-request\",\"message\":\"Dit verzoek is ongeldig (HTTP " + status
                    + "). / This request is not valid.\",\"fields\":{}}";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        } else {
            body = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Ongeldig verzoek</title></head>"
                    + "<body><h1>Ongeldig verzoek</h1><p>Dit verzoek is ongeldig (HTTP " + status + "). / This request is not valid.</p>"
                    + "<p><a href=\"/\">Ouderportaal</a></p></body></html>";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        }
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", WebSecurity.CONTENT_SECURITY_POLICY);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
