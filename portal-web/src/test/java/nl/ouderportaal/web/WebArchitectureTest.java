package nl.ouderportaal.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.spi.module.ContentModule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The web layer is a thin renderer over the core's facade (ARCHITECTURE.md principles 14 and 16)")
class WebArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.ouderportaal.web");

    /** Module ids that are also plain words the web layer uses for something else (news target groups, staff users). */
    private static final Set<String> ALSO_WORDS = Set.of("groups", "staff");

    @Test
    void reachesNoCoreInternalsStoreOrSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.ouderportaal.core.internal..", "org.jdbi..",
                        "java.sql..", "javax.sql..", "org.flywaydb..")
                .because("pages and API call the core's facade; what is internal may change at any time")
                .check(WEB);
    }

    @Test
    void knowsNoContentModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.ouderportaal.modules..", "nl.ouderportaal.examples..")
                .because("the web layer renders any module, built-in or an integrator's, the same way")
                .check(WEB);
    }

    @Test
    void namesNoContentModuleInItsCodeTemplatesOrTexts() throws IOException {
        List<String> ids = BuiltInModules.all().stream().map(ContentModule::descriptor).map(d -> d.id()).toList();
        assertThat(ids).contains("absences", "notes", "groups");
        List<String> found = new ArrayList<>();
        Path main = Path.of("src/main");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                if (name.endsWith(".java") || name.endsWith(".jte")) {
                    Matcher literal = Pattern.compile("\"([^\"\\\\]*)\"").matcher(text);
                    while (literal.find()) {
                        for (String id : ids) {
                            String value = literal.group(1);
                            boolean exact = value.equals(id) && !ALSO_WORDS.contains(id);
                            boolean inPath = !ALSO_WORDS.contains(id) && (value.contains("/" + id + "/") || value.endsWith("/" + id));
                            if (exact || inPath) {
                                found.add(main.relativize(file) + ": \"" + value + "\"");
                            }
                        }
                    }
                } else if (name.endsWith(".properties")) {
                    for (String line : text.split("\n")) {
                        String key = line.split("=", 2)[0].strip();
                        for (String id : ids) {
                            if (key.startsWith("admin.option." + id + ".") || key.equals("dashboard.kind." + id)
                                    || key.startsWith(id + ".")) {
                                found.add(main.relativize(file) + ": " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("content-module ids in portal-web/src/main").isEmpty();
    }
}
