package nl.ouderportaal.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The SPI stays small and dependency-free")
class SpiArchitectureTest {

    private static final JavaClasses SPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.ouderportaal.spi");

    @Test
    void usesNothingButTheJdkAndItself() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("nl.ouderportaal.spi..", "java..")
                .because("hosts and module authors compile against the SPI alone (no Guice, Mail, POI, JDBC or Jackson)")
                .check(SPI);
    }

    @Test
    void exposesNoJdbcTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(SPI);
    }

    @Test
    void valueTypesAreRecordsOrEnums() {
        classes().that().resideInAnyPackage("nl.ouderportaal.spi.host", "nl.ouderportaal.spi.view")
                .and().areNotInterfaces().and().arePublic()
                .should().beAssignableTo(Record.class).orShould().beEnums()
                .because("host data and page models are immutable values")
                .check(SPI);
    }
}
