package nl.ouderportaal.core.news;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The simple formatting news may carry (R-NEWS-3): paragraphs, line breaks, bold, italic, lists and
 * links (http, https, mailto). Everything else (scripts, event handlers, styles, other URL schemes) is
 * removed by the OWASP Java HTML Sanitizer, on save and again on render. Thread-safe.
 */
public final class NewsHtml {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    private NewsHtml() {
    }

    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }
}
