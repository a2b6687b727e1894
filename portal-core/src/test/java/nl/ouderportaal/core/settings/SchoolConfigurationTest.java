package nl.ouderportaal.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.DisplayName;

@DisplayName("School configuration: settings and modules, per school, on H2 and PostgreSQL")
class SchoolConfigurationTest {

    private static final SchoolId REGENBOOG = SchoolId.of("regenboog");
    private static final SchoolId KLIMOP = SchoolId.of("klimop");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-02T10:00:00Z"), ZoneOffset.UTC);

    /** Options of a module that has some, to prove they are validated and stored. */
    public record DiaryOptions(@NotNull LocalDate startDate, boolean repliesAllowed, @Min(1) @Max(50) int dashboardLimit) {
    }

    static final class DiaryModule implements ContentModule<DiaryOptions> {
        @Override
        public ModuleDescriptor<DiaryOptions> descriptor() {
            return ModuleDescriptor.builder("diary", DiaryOptions.class, new DiaryOptions(LocalDate.of(2020, 8, 1), false, 5))
                    .name("Dagboek", "Diary").build();
        }
    }

    private static void withPortal(Supplier<PortalStore> stores, Consumer<Portal> test) {
        try (PortalStore store = stores.get()) {
            Portal portal = new InMemoryHost().register(Portal.builder()).store(store).clock(CLOCK)
                    .install(new AbsencesModule(), new DiaryModule()).build();
            test.accept(portal);
        }
    }

    @OnBothDatabases
    void everyInstalledModuleIsListedInactiveWithItsDefaultOptions(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> assertThat(portal.configuration().modules(REGENBOOG)).satisfiesExactly(
                absences -> {
                    assertThat(absences.descriptor().id()).isEqualTo("absences");
                    assertThat(absences.moduleSwitch()).isEqualTo(ModuleSwitch.OFF);
                },
                diary -> {
                    assertThat(diary.moduleSwitch()).isEqualTo(ModuleSwitch.OFF);
                    assertThat(diary.options()).isEqualTo(new DiaryOptions(LocalDate.of(2020, 8, 1), false, 5));
                }));
    }

    @OnBothDatabases
    void theDashboardToggleIsRefusedWhileTheModuleIsInactiveAndNothingChanges(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            assertThatThrownBy(() -> portal.configuration().showOnDashboard(REGENBOOG, "absences", true, "beheerder"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> {
                        assertThat(e.message(Locale.forLanguageTag("nl"))).contains("Activeer eerst de module Absenties");
                        assertThat(e.message(Locale.ENGLISH)).contains("Activate the module Absences first");
                    });
            assertThat(portal.configuration().module(REGENBOOG, "absences").moduleSwitch()).isEqualTo(ModuleSwitch.OFF);
            assertThat(portal.audit().ofSchool(REGENBOOG, 10)).isEmpty();
        });
    }

    @OnBothDatabases
    void aModuleThatCannotShowOnTheDashboardIsRefusedThere(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            portal.configuration().activate(REGENBOOG, "diary", "beheerder");
            assertThatThrownBy(() -> portal.configuration().showOnDashboard(REGENBOOG, "diary", true, "beheerder"))
                    .isInstanceOf(PortalValidationException.class).hasMessageContaining("kan niet op het dashboard");
        });
    }

    @OnBothDatabases
    void modulesArePerSchoolAndDeactivationAlsoLeavesTheDashboard(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            portal.configuration().activate(REGENBOOG, "absences", "beheerder");
            portal.configuration().showOnDashboard(REGENBOOG, "absences", true, "beheerder");

            assertThat(portal.configuration().module(REGENBOOG, "absences").moduleSwitch()).isEqualTo(new ModuleSwitch(true, true));
            assertThat(portal.configuration().module(KLIMOP, "absences").moduleSwitch()).isEqualTo(ModuleSwitch.OFF);

            portal.configuration().deactivate(REGENBOOG, "absences", "beheerder");

            assertThat(portal.configuration().module(REGENBOOG, "absences").moduleSwitch()).isEqualTo(ModuleSwitch.OFF);
            assertThat(portal.audit().ofSchool(REGENBOOG, 10)).extracting(AuditEvent::action)
                    .containsExactly("module.deactivated", "module.dashboard.shown", "module.activated");
        });
    }

    @OnBothDatabases
    void invalidSettingsAreRefusedInDutchAndEnglishAndNothingIsStored(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            SchoolSettingsUpdate bad = new SchoolSettingsUpdate("wijzigingen@", "javascript:alert(1)", true);

            assertThatThrownBy(() -> portal.configuration().updateSettings(REGENBOOG, bad, "beheerder"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, v -> v.message().nl(), v -> v.message().en())
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("changeRequestEmail",
                                            "Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.",
                                            "Enter a valid email address, for example name@school.org."),
                                    org.assertj.core.groups.Tuple.tuple("websiteUrl",
                                            "Vul een volledig webadres in dat begint met http:// of https://.",
                                            "Enter a full web address that starts with http:// or https://.")));
            assertThat(portal.configuration().settings(REGENBOOG)).isEqualTo(SchoolSettings.defaults(REGENBOOG));
            assertThat(portal.audit().ofSchool(REGENBOOG, 10)).isEmpty();
        });
    }

    @OnBothDatabases
    void validSettingsAreStoredPerSchoolAndAudited(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            portal.configuration().updateSettings(REGENBOOG, new SchoolSettingsUpdate(" wijzigingen@regenboog.nl ",
                    "https://www.regenboog.nl", false), "J. de Boer");
            portal.configuration().setMaintenanceMode(REGENBOOG, true, "J. de Boer");

            assertThat(portal.configuration().settings(REGENBOOG)).isEqualTo(new SchoolSettings(REGENBOOG,
                    "wijzigingen@regenboog.nl", "https://www.regenboog.nl", true));
            assertThat(portal.configuration().settings(KLIMOP)).isEqualTo(SchoolSettings.defaults(KLIMOP));
            assertThat(portal.audit().ofSchool(REGENBOOG, 10)).first().satisfies(e -> {
                assertThat(e.action()).isEqualTo("settings.changed");
                assertThat(e.actorName()).isEqualTo("J. de Boer");
                assertThat(e.detail()).isEqualTo("maintenanceMode: false -> true");
                assertThat(e.at()).isEqualTo(CLOCK.instant());
            });
        });
    }

    @OnBothDatabases
    void moduleOptionsAreValidatedThenStoredAndReadBack(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            DiaryOptions chosen = new DiaryOptions(LocalDate.of(2025, 8, 18), true, 10);
            portal.configuration().setOptions(REGENBOOG, "diary", chosen, "beheerder");

            assertThat(portal.configuration().options(REGENBOOG, new DiaryModule())).isEqualTo(chosen);
            assertThat(portal.configuration().options(KLIMOP, new DiaryModule()).dashboardLimit()).isEqualTo(5);

            assertThatThrownBy(() -> portal.configuration().setOptions(REGENBOOG, "diary",
                    new DiaryOptions(null, true, 0), "beheerder"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e ->
                            assertThat(e.violations()).extracting(Violation::field).containsExactly("dashboardLimit", "startDate"));
            assertThat(portal.configuration().options(REGENBOOG, new DiaryModule())).isEqualTo(chosen);
        });
    }

    @OnBothDatabases
    void anUnknownModuleIsRefused(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> assertThatThrownBy(() -> portal.configuration().activate(REGENBOOG, "grades", "x"))
                .isInstanceOf(PortalValidationException.class).hasMessageContaining("Onbekende module: grades"));
    }

    @OnBothDatabases
    void theDatabaseItselfRefusesADashboardToggleWithoutAnActiveModule(String db, Supplier<PortalStore> store) {
        try (PortalStore s = store.get()) {
            s.migrate();
            assertThatThrownBy(() -> nl.ouderportaal.core.internal.Database.jdbi(s).useHandle(h -> h.execute("""
                    insert into module_settings (school_id, module_id, active, on_dashboard, updated_at)
                    values ('x', 'absences', false, true, current_timestamp)""")))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasCauseInstanceOf(SQLException.class);
        }
    }

    @OnBothDatabases
    void oneAccountPerEmailAddressWhateverItsCaseOrSpacing(String db, Supplier<PortalStore> store) {
        withPortal(store, portal -> {
            portal.accounts().importActiveAccount(GuardianId.of("g1"), "Anna.Jansen@Example.org", "import");

            assertThatThrownBy(() -> portal.accounts().importActiveAccount(GuardianId.of("g2"), " anna.jansen@example.ORG", "import"))
                    .isInstanceOf(PortalValidationException.class).hasMessageContaining("hoort al bij een ander account");
            assertThatThrownBy(() -> portal.accounts().importActiveAccount(GuardianId.of("g3"), "geen-adres", "import"))
                    .isInstanceOf(PortalValidationException.class).hasMessageContaining("geldig e-mailadres");
        });
    }
}
