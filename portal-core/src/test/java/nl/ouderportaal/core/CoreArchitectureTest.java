package nl.ouderportaal.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.WritePermit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The core's public surface is its facade (ARCHITECTURE.md principles 14 and 15)")
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.ouderportaal.core");

    /** A type a host must never get hold of through the facade: the store's SQL side or the engine's internals. */
    private static final DescribedPredicate<JavaClass> ENGINE = new DescribedPredicate<>("SQL, Jdbi or core internals") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getName();
            return name.startsWith("org.jdbi.") || name.startsWith("java.sql.") || name.startsWith("javax.sql.")
                    || name.startsWith("org.flywaydb.") || name.startsWith("nl.ouderportaal.core.internal.");
        }
    };

    private static final ArchCondition<JavaMethod> EXPOSE_NO_ENGINE_TYPE = new ArchCondition<>("expose no " + ENGINE.getDescription()) {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
            // The one way in: a host hands the portal its database (PortalStore.of(dataSource)); nothing comes back out.
            boolean handsInADataSource = method.getOwner().isEquivalentTo(nl.ouderportaal.core.store.PortalStore.class)
                    && method.getModifiers().contains(JavaModifier.STATIC)
                    && method.getRawParameterTypes().stream().filter(ENGINE::test).allMatch(t -> t.isEquivalentTo(javax.sql.DataSource.class));
            if (handsInADataSource) {
                return;
            }
            boolean exposed = ENGINE.test(method.getRawReturnType())
                    || method.getRawParameterTypes().stream().anyMatch(ENGINE::test);
            if (exposed) {
                events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + ENGINE.getDescription()));
            }
        }
    };

    @Test
    void noPublicMethodOfThePublicApiTakesOrGivesSqlJdbiOrAnInternalType() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("nl.ouderportaal.core.internal..")
                .should(EXPOSE_NO_ENGINE_TYPE)
                .because("a host that could reach the store or the engine could write past validation and audit")
                .check(CORE);
    }

    @Test
    void onlyAuthenticationMakesAWritePermit() {
        noClasses().that().doNotHaveFullyQualifiedName(Authentication.class.getName())
                .and().doNotHaveFullyQualifiedName(WritePermit.class.getName())
                .should().callConstructor(WritePermit.class, nl.ouderportaal.spi.GuardianId.class, String.class)
                .because("a write permit is proof of a guardian's own live session, never of an impersonation")
                .check(CORE);
        classes().that().haveFullyQualifiedName(WritePermit.class.getName()).should().haveModifier(JavaModifier.FINAL)
                .check(CORE);
    }

    @Test
    void theCoreDependsOnNoWebLayer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.ouderportaal.web..", "io.javalin..", "gg.jte..")
                .check(CORE);
    }
}
