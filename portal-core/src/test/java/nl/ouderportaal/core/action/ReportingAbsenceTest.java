package nl.ouderportaal.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.PortalConfigurationException;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsenceReportSink;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.absences.AbsencesOptions;
import nl.ouderportaal.modules.absences.SickReason;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reporting absence: ziekmelden, beter melden and verlof aanvragen (R-ABS)")
class ReportingAbsenceTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    /** Wednesday 2 December 2026, 08:00 in Amsterdam (07:00 UTC): before the 08:30 cut-off. */
    private static final Instant WEDNESDAY_0800 = Instant.parse("2026-12-02T07:00:00Z");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    private static final String PASSWORD = "een-goed-wachtwoord-2026";
    private static final StaffActor ADMIN = new StaffActor(StaffId.of("m-1"), "J. de Boer", java.util.Set.of(StaffActor.Role.ADMIN),
            java.util.Set.of(SCHOOL));

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(WEDNESDAY_0800);
    private PortalStore store;
    private Portal portal;
    private StudentId sanne;
    private GuardianId anna;
    private GuardianId piet;

    @BeforeEach
    void setUp() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        anna = host.addGuardian("anna", "Anna", "Jansen").id();
        piet = host.addGuardian("piet", "Piet", "Jansen").id();
        sanne = host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        host.link(piet, sanne, true);
        host.placeInGroup(sanne, new SchoolYear(2026), InMemoryHost.group("g5", SCHOOL, new SchoolYear(2026), "Groep 5", 5));
        store = PortalStore.h2InMemory("absence-" + System.nanoTime());
        portal = host.register(Portal.builder()).store(store).clock(clock).install(new AbsencesModule()).build();
        portal.accounts().importActiveAccount(anna, "anna@example.org", PASSWORD);
        portal.accounts().importActiveAccount(piet, "piet@example.org", PASSWORD);
        portal.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");
        portal.configuration().showOnDashboard(SCHOOL, AbsencesModule.ID, true, "beheerder");
        options(true, 7);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void options(boolean on, int daysAhead) {
        portal.configuration().setOptions(SCHOOL, AbsencesModule.ID, new AbsencesOptions(on, on, on, LocalTime.of(8, 30),
                EnumSet.allOf(SickReason.class), daysAhead, 5, "verzuim@regenboog.example.org"), "beheerder");
    }

    private String login(String email) {
        return nl.ouderportaal.core.account.TestSessions.start(portal, store, clock, email.startsWith("anna") ? anna : piet);
    }

    private ActionResult run(String email, String action, Map<String, ?> input) {
        return portal.actions().run(portal.authentication().writePermit(login(email)), sanne, AbsencesModule.ID, action, input)
                .orElseThrow();
    }

    private ActionResult reportSick(Map<String, ?> input) {
        return run("anna@example.org", "report-sick", input);
    }

    private String page(GuardianId guardian) {
        return portal.guardians().modulePage(Viewer.guardian(guardian), sanne, AbsencesModule.ID, Optional.empty()).orElseThrow()
                .sections().stream().map(ReportingAbsenceTest::text).reduce("", String::concat);
    }

    private static String text(Section section) {
        StringBuilder text = new StringBuilder(section.title().nl()).append('\n');
        for (Block block : section.blocks()) {
            if (block instanceof Block.Table table) {
                table.rows().forEach(row -> text.append(row).append('\n'));
            }
        }
        return text.toString();
    }

    @Test
    void aReportBeforeTheCutOffReachesTheSisTheSchoolAndTheGuardianAndEveryGuardianSeesWhoReportedIt() {
        int mails = portal.outbox().pending();

        ActionResult result = reportSick(Map.of("date", WEDNESDAY.toString(), "reason", "sick", "remark", "Koorts sinds vannacht"));

        assertThat(result.created()).isTrue();
        assertThat(result.reference()).isEqualTo("sick-1");
        assertThat(host.sickReports).singleElement().satisfies(report -> {
            assertThat(report.from()).isEqualTo(WEDNESDAY);
            assertThat(report.until()).isEqualTo(WEDNESDAY);
            assertThat(report.reason()).isEqualTo(SickReason.SICK);
            assertThat(report.reportedByName()).isEqualTo("Anna Jansen");
        });
        assertThat(portal.outbox().pending()).as("a confirmation and the school's message").isEqualTo(mails + 2);
        assertThat(page(piet)).contains("Ziekmelding", "woensdag 2 december 2026", "Anna Jansen, 2 december 2026 om 08:00");
        assertThat(portal.guardians().dashboard(Viewer.guardian(piet), Optional.empty()).entries())
                .anySatisfy(entry -> assertThat(entry.title().nl()).isEqualTo("Ziek gemeld door Anna Jansen"));
    }

    @Test
    void afterTheCutOffTodayIsRefusedSayingUntilWhenAndTheSchoolsPhoneButTomorrowIsTaken() {
        clock.advance(Duration.ofMinutes(45));

        assertThatThrownBy(() -> reportSick(Map.of("date", WEDNESDAY.toString(), "reason", "sick")))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("date");
                            assertThat(v.message().nl()).isEqualTo("Ziekmelden voor vandaag kan tot 08:30; bel de school: 030-1234567.");
                        }));
        OfferedAction offered = portal.actions().find(Viewer.guardian(anna), sanne, AbsencesModule.ID, "report-sick").orElseThrow();
        assertThat(offered.available()).isTrue();
        assertThat(offered.form().fields().get(0).min()).isEqualTo(WEDNESDAY.plusDays(1).toString());
        assertThat(offered.form().intro().nl()).contains("08:30", "030-1234567");
        assertThat(reportSick(Map.of("date", WEDNESDAY.plusDays(1).toString(), "reason", "sick")).created()).isTrue();
        assertThat(host.sickReports).hasSize(1);
    }

    @Test
    void onlyTodayAllowedMakesTheActionUnavailableAfterTheCutOffWithTheReason() {
        options(true, 0);
        clock.advance(Duration.ofHours(1));

        OfferedAction offered = portal.actions().find(Viewer.guardian(anna), sanne, AbsencesModule.ID, "report-sick").orElseThrow();

        assertThat(offered.available()).isFalse();
        assertThat(offered.reason().nl()).isEqualTo("Ziekmelden voor vandaag kan tot 08:30; bel de school: 030-1234567.");
        assertThatThrownBy(() -> reportSick(Map.of("date", WEDNESDAY.toString(), "reason", "sick")))
                .isInstanceOf(ActionUnavailableException.class);
        assertThat(host.sickReports).isEmpty();
    }

    @Test
    void severalSchoolDaysSkipTheWeekendAndTheDaysTheHostSaysTheSchoolIsClosed() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        host.closedDays.add(LocalDate.of(2026, 12, 7));

        reportSick(Map.of("date", friday.toString(), "days", 3, "reason", "doctor"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-05", "reason", "sick")))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.getMessage()).contains("geen school"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-07", "reason", "sick")))
                .isInstanceOf(PortalValidationException.class);

        assertThat(host.sickReports).singleElement().satisfies(report -> {
            assertThat(report.from()).isEqualTo(friday);
            assertThat(report.until()).as("Friday, Tuesday, Wednesday").isEqualTo(LocalDate.of(2026, 12, 9));
        });
    }

    @Test
    void partOfADayNeedsBothTimesInOrderAndOnlyForOneDay() {
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-03", "from", "10:00", "reason", "dentist")))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("until"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-03", "from", "12:00", "until", "10:00", "reason", "dentist")))
                .isInstanceOf(PortalValidationException.class);
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-03", "days", 2, "from", "10:00", "until", "12:00",
                "reason", "dentist"))).isInstanceOf(PortalValidationException.class);
        assertThat(host.sickReports).isEmpty();

        reportSick(Map.of("date", "2026-12-03", "from", "10:00", "until", "12:00", "reason", "dentist"));

        assertThat(host.sickReports).singleElement().satisfies(r -> assertThat(r.fromTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(page(anna)).contains("donderdag 3 december 2026, 10:00-12:00");
    }

    @Test
    void otherNeedsATextAndAReasonMustBeOneTheSchoolOffers() {
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-03", "reason", "other")))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("reasonText"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-03", "reason", "holiday")))
                .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("reason"));
        assertThat(reportSick(Map.of("date", "2026-12-03", "reason", "other", "reasonText", "Bruiloft oom")).created()).isTrue();
    }

    @Test
    void aReportOverlappingAnOpenReportOrAnAbsenceOfTheSisIsAConflictNamingIt() {
        reportSick(Map.of("date", "2026-12-03", "days", 2, "reason", "sick"));
        host.absences.add(new Absence("a-9", sanne, LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8), "Tandarts", true));
        int mails = portal.outbox().pending();

        assertThatThrownBy(() -> run("piet@example.org", "report-sick", Map.of("date", "2026-12-04", "reason", "sick")))
                .isInstanceOfSatisfying(ActionConflictException.class, e -> assertThat(e.text().nl())
                        .contains("donderdag 3 december 2026 t/m vrijdag 4 december 2026", "gemeld door Anna Jansen"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2026-12-08", "reason", "sick")))
                .isInstanceOfSatisfying(ActionConflictException.class, e -> assertThat(e.text().nl()).contains("Tandarts"));

        assertThat(host.sickReports).hasSize(1);
        assertThat(portal.outbox().pending()).isEqualTo(mails);
    }

    @Test
    void recoveredEndsTheOpenReportFromTheNextSchoolDayAndIsOfferedOnlyWhileOneIsOpen() {
        assertThat(portal.actions().find(Viewer.guardian(anna), sanne, AbsencesModule.ID, "report-recovered")).isEmpty();
        reportSick(Map.of("date", WEDNESDAY.toString(), "days", 3, "reason", "sick"));

        ActionResult result = run("piet@example.org", "report-recovered", Map.of("from", "next"));

        assertThat(result.created()).isFalse();
        assertThat(host.recoveries).containsEntry("sick-1", LocalDate.of(2026, 12, 3));
        assertThat(page(anna)).contains("Beter gemeld door Piet Jansen, weer op school vanaf donderdag 3 december 2026");
        assertThat(portal.actions().find(Viewer.guardian(anna), sanne, AbsencesModule.ID, "report-recovered")).isEmpty();
        assertThat(reportSick(Map.of("date", "2026-12-04", "reason", "sick")).created())
                .as("a recovered report no longer blocks a new one").isTrue();
    }

    @Test
    void aLeaveRequestShowsTheSchoolsDecisionToEveryGuardianOfTheChild() {
        ActionResult result = run("anna@example.org", "request-leave", Map.of("from", "2027-01-18", "until", "2027-01-19",
                "category", "family", "explanation", "Bruiloft van mijn zus in Marokko"));
        assertThat(result.reference()).isEqualTo("leave-1");
        assertThat(page(piet)).contains("Verlofaanvraag", "Aangevraagd; de school beslist nog");

        host.leaveDecisions.put("leave-1", new AbsenceReportSink.LeaveDecision(AbsenceReportSink.LeaveStatus.REFUSED,
                "Geen gewichtige omstandigheid"));

        assertThat(page(piet)).contains("Afgewezen: Geen gewichtige omstandigheid");
        assertThat(page(anna)).contains("Afgewezen: Geen gewichtige omstandigheid");
        assertThatThrownBy(() -> run("piet@example.org", "request-leave", Map.of("from", "2027-01-19", "until", "2027-01-20",
                "category", "family", "explanation", "Nog een keer"))).isInstanceOf(ActionConflictException.class);
    }

    @Test
    void theCutOffIsTheSchoolsLocalTimeAcrossTheChangeToAndFromSummerTime() {
        options(true, 0);
        // Monday 29 March 2027, the day after summer time starts: 06:15 UTC is 08:15 in Amsterdam.
        clock.set(Instant.parse("2027-03-29T06:15:00Z"));
        assertThat(reportSick(Map.of("date", "2027-03-29", "reason", "sick")).created()).isTrue();
        // Tuesday, 06:45 UTC is 08:45 in summer time: too late, although it would be 07:45 at winter time's offset.
        clock.set(Instant.parse("2027-03-30T06:45:00Z"));
        assertThatThrownBy(() -> reportSick(Map.of("date", "2027-03-30", "reason", "sick")))
                .isInstanceOf(ActionUnavailableException.class);
        // Monday 26 October 2026, the day after summer time ends: 07:15 UTC is 08:15 in Amsterdam.
        clock.set(Instant.parse("2026-10-26T07:15:00Z"));
        assertThat(reportSick(Map.of("date", "2026-10-26", "reason", "sick")).created()).isTrue();
    }

    @Test
    void anImpersonationCannotReportAndNothingIsSent() {
        String impersonation = portal.impersonations().start(ADMIN, anna);
        int mails = portal.outbox().pending();

        assertThatThrownBy(() -> portal.authentication().writePermit(impersonation))
                .isInstanceOf(ImpersonationReadOnlyException.class);
        assertThat(portal.actions().forChild(Viewer.of(portal.authentication().session(impersonation).orElseThrow()), sanne)
                .orElseThrow()).extracting(OfferedAction::id).contains("report-sick");
        assertThat(host.sickReports).isEmpty();
        assertThat(portal.outbox().pending()).isEqualTo(mails);
    }

    @Test
    void theActionsAreNotOfferedUntilTheSchoolSwitchesThemOn() {
        options(false, 7);

        assertThat(portal.actions().forChild(Viewer.guardian(anna), sanne).orElseThrow())
                .extracting(OfferedAction::module).doesNotContain(AbsencesModule.ID);
        assertThat(portal.actions().run(portal.authentication().writePermit(login("anna@example.org")), sanne, AbsencesModule.ID,
                "report-sick", Map.of("date", "2026-12-03", "reason", "sick"))).isEmpty();
    }

    @Test
    void aHostWithoutTheSinkCannotInstallTheActionsUnlessItLeavesThemOut() {
        var builder = Portal.builder().store(PortalStore.h2InMemory("nosink-" + System.nanoTime())).clock(clock);
        InMemoryHost other = new InMemoryHost();
        builder.source(nl.ouderportaal.spi.host.SchoolSource.class, other).source(nl.ouderportaal.spi.host.StudentSource.class, other)
                .source(nl.ouderportaal.spi.host.GuardianSource.class, other).source(nl.ouderportaal.spi.host.GroupSource.class, other)
                .source(nl.ouderportaal.spi.host.ActivitySource.class, other)
                .source(nl.ouderportaal.modules.absences.AbsenceSource.class, other).install(new AbsencesModule());

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("nl.ouderportaal.modules.absences.AbsenceReportSink")
                .hasMessageContaining("withoutAction(\"absences\", \"report-sick\")");
        List.of("report-sick", "report-recovered", "request-leave").forEach(a -> builder.withoutAction(AbsencesModule.ID, a));
        builder.build().close();
    }

    @Test
    void aReportIsInTheReportersDataExportAndHousekeepingRemovesItASchoolYearAfterItsYear() {
        reportSick(Map.of("date", WEDNESDAY.toString(), "reason", "sick", "remark", "Koorts"));

        String annas = new String(portal.dataExports().json(portal.authentication().writePermit(login("anna@example.org"))),
                java.nio.charset.StandardCharsets.UTF_8);
        String piets = new String(portal.dataExports().json(portal.authentication().writePermit(login("piet@example.org"))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(annas).contains("\"kind\":\"sick-report\"", "\"remark\":\"Koorts\"");
        assertThat(piets).as("another guardian's own records are not in his export").doesNotContain("sick-report");

        clock.set(Instant.parse("2028-07-30T12:00:00Z"));
        assertThat(portal.housekeeping().run()).containsEntry("module_records", 0);
        clock.set(Instant.parse("2028-08-01T12:00:00Z"));
        assertThat(portal.housekeeping().run()).containsEntry("module_records", 1);
    }
}
