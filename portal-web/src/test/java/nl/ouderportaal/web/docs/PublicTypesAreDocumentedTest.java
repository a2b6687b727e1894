package nl.ouderportaal.web.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc build checks everything but "missing" (doclint {@code all,-missing}, warnings fail it); this
 * test asks the rest of what a host reads: every public type of the library artifacts outside
 * {@code internal} packages has a Javadoc comment, and every record says what each component means.
 */
@DisplayName("Every public type of the library artifacts is documented, records field by field")
class PublicTypesAreDocumentedTest {

    private static final List<String> LIBRARIES = List.of("portal-spi", "portal-core", "portal-modules", "portal-testing",
            "portal-web");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^[ \\t]*public\\s+"
            + "(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+)");

    static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("portal-spi"))) {
            here = here.getParent();
        }
        assertThat(here).as("the repository root above the working directory").isNotNull();
        return here;
    }

    @Test
    void everyPublicTypeHasJavadocAndEveryRecordComponentAParam() throws IOException {
        List<String> problems = new ArrayList<>();
        int types = 0;
        for (String library : LIBRARIES) {
            Path sources = repository().resolve(library).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(PublicTypesAreDocumentedTest::isPublicApiSource).sorted().toList()) {
                    String source = Files.readString(file);
                    Matcher type = PUBLIC_TYPE.matcher(source);
                    while (type.find()) {
                        types++;
                        String where = sources.relativize(file) + " " + type.group(2);
                        String doc = javadocBefore(source, type.start());
                        if (doc == null) {
                            problems.add(where + ": no Javadoc");
                        } else if (type.group(1).equals("record")) {
                            for (String component : recordComponents(source, type.end())) {
                                if (!Pattern.compile("@param\\s+" + Pattern.quote(component) + "\\b").matcher(doc).find()) {
                                    problems.add(where + ": no @param " + component);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(types).as("public types found").isGreaterThan(150);
        assertThat(problems).as("public types without their Javadoc").isEmpty();
    }

    private static boolean isPublicApiSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") && !name.equals("package-info.java") && !file.toString().contains("/internal/");
    }

    /** The Javadoc comment right before a declaration (annotations may stand between), or null. */
    private static String javadocBefore(String source, int declaration) {
        String before = source.substring(0, declaration).stripTrailing();
        while (true) {
            int lineStart = before.lastIndexOf('\n') + 1;
            if (!before.substring(lineStart).strip().startsWith("@")) {
                break;
            }
            before = before.substring(0, Math.max(lineStart - 1, 0)).stripTrailing();
        }
        int start = before.lastIndexOf("/**");
        if (!before.endsWith("*/") || start < 0 || before.lastIndexOf("/*") > start
                || before.substring(start).indexOf("*/") != before.length() - start - 2) {
            return null;
        }
        return before.substring(start);
    }

    private static List<String> recordComponents(String source, int afterName) {
        int open = source.indexOf('(', afterName);
        int depth = 0;
        int close = open;
        for (; close < source.length(); close++) {
            char c = source.charAt(close);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        String header = source.substring(open + 1, close)
                .replaceAll("@\\w+(\\([^)]*\\))?", "")
                .replaceAll("<[^<>]*(<[^<>]*>[^<>]*)*>", "");
        List<String> names = new ArrayList<>();
        for (String component : header.split(",")) {
            String[] words = component.strip().split("\\s+");
            if (!words[words.length - 1].isEmpty()) {
                names.add(words[words.length - 1]);
            }
        }
        return names;
    }
}
