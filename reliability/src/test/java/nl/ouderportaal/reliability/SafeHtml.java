package nl.ouderportaal.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "sanitised" means for news (R-NEWS-3), checked on the output independently of the sanitiser: only
 * the simple-formatting tags, and on them only {@code href} (http, https, mailto) and {@code rel}.
 */
final class SafeHtml {

    private static final Set<String> TAGS = Set.of("p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9:-]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");

    private SafeHtml() {
    }

    static void assertSafe(String html, Object input) {
        assertThat(html).as("rendered news for %s", input).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("<svg")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<noscript").doesNotContainIgnoringCase("<option")
                .doesNotContain("\u0000");
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertThat(TAGS).as("tag <%s> in news for %s: %s", name, input, html).contains(name);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String attr = attribute.group(1).toLowerCase(Locale.ROOT);
                assertThat(attr).as("attribute %s in news for %s: %s", attr, input, html).isIn("href", "rel");
                if (attr.equals("href")) {
                    String value = attribute.group(2).replaceAll("^[\"']|[\"']$", "").toLowerCase(Locale.ROOT).strip();
                    assertThat(value).as("link in news for %s", input).matches("(https?:|mailto:|[^:]*$).*");
                }
            }
        }
    }
}
