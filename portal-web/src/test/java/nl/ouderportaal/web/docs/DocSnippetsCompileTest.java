package nl.ouderportaal.web.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the README, of {@code docs/} and of the library artifacts' Javadoc
 * ({@code <pre>{@code ...}</pre>}) compiles against the real API, so that an example cannot drift from it
 * again. A snippet is compiled as the body of a method, or as members when it declares classes or methods,
 * of a subclass of {@link SnippetGivens} (the SIS, the data source and the other values the text around a
 * snippet speaks of). A line that is only {@code ...} stands for "the rest" and is left out.
 */
@DisplayName("Every Java example in the README, the docs and the Javadoc compiles")
class DocSnippetsCompileTest {

    private static final List<String> LIBRARIES = List.of("portal-spi", "portal-core", "portal-modules", "portal-testing",
            "portal-web");
    private static final String IMPORTS = String.join("\n",
            "import nl.ouderportaal.spi.*;", "import nl.ouderportaal.spi.host.*;", "import nl.ouderportaal.spi.module.*;",
            "import nl.ouderportaal.spi.view.*;", "import nl.ouderportaal.spi.notify.*;", "import nl.ouderportaal.spi.action.*;", "import nl.ouderportaal.spi.record.*;", "import nl.ouderportaal.core.*;",
            "import nl.ouderportaal.core.account.*;", "import nl.ouderportaal.core.mail.*;", "import nl.ouderportaal.core.store.*;",
            "import nl.ouderportaal.core.guardian.*;", "import nl.ouderportaal.core.guice.*;", "import nl.ouderportaal.modules.*;",
            "import nl.ouderportaal.modules.absences.*;", "import nl.ouderportaal.modules.consent.*;", "import nl.ouderportaal.web.*;", "import nl.ouderportaal.testing.*;",
            "import java.util.*;", "import java.time.*;", "import java.net.URI;", "import java.nio.file.*;",
            "import java.util.concurrent.TimeUnit;", "import com.google.inject.Guice;", "import com.google.inject.Injector;",
            "import com.google.inject.AbstractModule;", "import io.micrometer.prometheusmetrics.*;",
            "import org.junit.jupiter.api.Test;", "import org.junit.jupiter.api.extension.RegisterExtension;",
            "import static org.assertj.core.api.Assertions.assertThat;", "import jakarta.validation.constraints.*;",
            "import nl.ouderportaal.core.mail.SmtpSettings.Security;", "import nl.ouderportaal.spi.StaffActor.Role;",
            "import nl.ouderportaal.spi.view.Value;", "import nl.ouderportaal.spi.host.Group;");
    private static final Pattern MARKDOWN = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVADOC = Pattern.compile("<pre>\\{@code\\n(.*?)\\}</pre>", Pattern.DOTALL);
    private static final Pattern DECLARES_MEMBERS = Pattern.compile(
            "(?m)^(public |protected |private |static |final |abstract |@\\w+\\s*)*(class|record|interface|enum)\\s+\\w+"
                    + "|(?m)^(public |protected )[\\w<>\\[\\], ?]+\\s+\\w+\\([^)]*\\)\\s*\\{|(?m)^@\\w+");

    record Snippet(String where, String code) {
    }

    static List<Snippet> snippets() throws IOException {
        Path root = PublicTypesAreDocumentedTest.repository();
        List<Snippet> found = new ArrayList<>();
        List<Path> markdown = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        for (Path file : markdown) {
            Matcher m = MARKDOWN.matcher(Files.readString(file));
            for (int i = 1; m.find(); i++) {
                found.add(new Snippet(root.relativize(file) + " #" + i, m.group(1)));
            }
        }
        for (String library : LIBRARIES) {
            try (Stream<Path> files = Files.walk(root.resolve(library).resolve("src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/internal/"))
                        .sorted().toList()) {
                    Matcher m = JAVADOC.matcher(Files.readString(file));
                    for (int i = 1; m.find(); i++) {
                        String code = m.group(1).replaceAll("(?m)^\\s*\\* ?", "").replace("&lt;", "<")
                                .replace("&gt;", ">").replace("&#64;", "@").replace("&amp;", "&");
                        found.add(new Snippet(root.relativize(file) + " #" + i, code));
                    }
                }
            }
        }
        return found;
    }

    static String compilationUnit(String className, String code) {
        String body = code.lines().filter(l -> !l.strip().equals("...") && !l.strip().startsWith("... "))
                .reduce("", (a, b) -> a + b + "\n");
        boolean members = DECLARES_MEMBERS.matcher(body).find();
        return "package " + SnippetGivens.class.getPackageName() + ";\n" + IMPORTS
                + "\n@SuppressWarnings(\"all\")\nabstract class " + className + " extends SnippetGivens {\n"
                + (members ? body : "void snippet() throws Exception {\n" + body + "\n}\n") + "}\n";
    }

    @Test
    void everySnippetCompiles() throws IOException {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("snippets found").hasSizeGreaterThan(40);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = Files.createTempDirectory("snippets");
        // One compilation of every snippet, each in a file of its own: errors are told apart by file.
        List<JavaFileObject> files = new ArrayList<>();
        Map<String, String> whereOf = new HashMap<>();
        int n = 0;
        for (Snippet snippet : snippets) {
            String name = "Snippet" + (++n);
            String source = compilationUnit(name, snippet.code());
            whereOf.put(name, snippet.where());
            files.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        compiler.getTask(new StringWriter(), null, diagnostics, List.of("-classpath", classPath, "-d", out.toString(),
                "-proc:none", "-Xlint:none", "-nowarn", "-Xmaxerrs", "1000"), null, files).call();
        Map<String, List<String>> failures = new TreeMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String file = d.getSource() == null ? "?" : d.getSource().getName().replaceAll(".*/|\\.java$", "");
                failures.computeIfAbsent(whereOf.getOrDefault(file, file), k -> new ArrayList<>())
                        .add("line " + d.getLineNumber() + ": " + d.getMessage(null));
            }
        }
        assertThat(failures).as("snippets that do not compile").isEmpty();
    }
}
