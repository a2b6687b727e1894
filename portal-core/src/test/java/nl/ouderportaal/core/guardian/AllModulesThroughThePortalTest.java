package nl.ouderportaal.core.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.modules.BuiltInModules;
import nl.ouderportaal.modules.groups.GroupsOptions;
import nl.ouderportaal.modules.groups.Lesson;
import nl.ouderportaal.modules.medical.MedicalRecord;
import nl.ouderportaal.modules.methodtests.MethodTestResult;
import nl.ouderportaal.modules.nationaltests.NationalTestResult;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.plans.Plan;
import nl.ouderportaal.modules.reports.Report;
import nl.ouderportaal.modules.staff.StaffOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.GeneralPractitioner;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.StaffMember;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Section;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("All nine modules through the portal")
class AllModulesThroughThePortalTest {

    private static final SchoolYear YEAR = new SchoolYear(2025);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryHost host = new InMemoryHost();
    private PortalStore store;
    private Portal portal;
    private School school;
    private GuardianId parent;
    private final StudentId[] children = new StudentId[3];

    @BeforeEach
    void setUp() {
        school = host.addSchool("regenboog", "OBS De Regenboog");
        host.schoolYears.put(school.id(), List.of(YEAR, YEAR.previous()));
        parent = host.addGuardian("parent", "Anna", "Jansen").id();
        for (int i = 0; i < 3; i++) {
            StudentId child = host.addStudent("child" + i, school.id(), "Kind" + i, LocalDate.of(2015 + i, 1, 1),
                    EnrolmentStatus.IN_EDUCATION).id();
            children[i] = child;
            host.link(parent, child, true);
            var group = InMemoryHost.group("g" + i, school.id(), YEAR, "Groep " + (5 - i), 5 - i);
            host.placeInGroup(child, YEAR, group);
            host.timetables.put(group.id(), List.of(new Lesson(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(9, 15),
                    "Rekenen", null, null)));
            for (int n = 0; n < 4; n++) {
                host.notes.add(new Note("note" + i + n, child, TODAY.minusDays(n), "Oudergesprek", true, "Gesprek " + n, "...", null));
                host.plans.add(new Plan("plan" + i + n, child, "Plan " + n, TODAY.minusDays(10 * n), null, "p", "g", "a", "e", "v"));
                host.methodTests.add(new MethodTestResult("mt" + i + n, child, "Rekenen", null, "Blok " + n, TODAY.minusDays(n),
                        "8", null));
                host.nationalTests.add(new NationalTestResult("nt" + i + n, child, "IEP", "Toets " + n, TODAY.minusDays(n),
                        "1F", null, null));
            }
            host.reports.add(new Report("report" + i, child, "Rapport 1", TODAY.minusDays(2), true,
                    List.of(new Report.Part("Taal", List.of(new Report.Line("Spelling van 'ĳzer' en 'café'", "Goed")))),
                    "Kind" + i + " werkt hard; de juf is trots."));
            host.medical.put(child, new MedicalRecord(new GeneralPractitioner("Dr. Visser", null, null, null), null, null,
                    "Pinda's", null));
        }
        host.staff.add(new StaffMember(StaffId.of("m1"), school.id(), new PersonName(null, "Ineke", "de", "Boer"), "Leerkracht",
                "ineke@regenboog.nl", "06-98765432"));
        store = PortalStore.h2InMemory("all-modules-" + System.nanoTime());
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        portal = host.registerAll(Portal.builder())
                .accounts(nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost:8080/"))).store(store).clock(clock)
                .install(BuiltInModules.all().toArray(ContentModule[]::new)).build();
        portal.accounts().importActiveAccount(parent, "anna@example.org", "test");
        for (ModuleDescriptor<?> module : portal.installedModules()) {
            portal.configuration().activate(school.id(), module.id(), "beheerder");
            if (module.dashboardCapable()) {
                portal.configuration().showOnDashboard(school.id(), module.id(), true, "beheerder");
            }
        }
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theDashboardAsksEachSourceOncePerChildNeverPerRow() {
        host.calls.clear();

        Dashboard dashboard = portal.guardians().dashboard(Viewer.guardian(parent), Optional.empty());

        assertThat(dashboard.kinds()).contains("notes", "plans", "reports", "method-tests", "national-tests");
        for (String perChild : List.of("notes", "plans", "reports", "methodTests", "nationalTests", "absences")) {
            assertThat(host.calls(perChild)).as(perChild).isEqualTo(3);
        }
        for (String perGuardian : List.of("linksOfGuardian", "students", "schools")) {
            assertThat(host.calls(perGuardian)).as(perGuardian).isEqualTo(1);
        }
        assertThat(host.calls("groups")).as("never school-wide").isZero();
    }

    @Test
    void everyChildPageOfEveryModuleAsksItsSourceOnce() {
        Viewer viewer = Viewer.guardian(parent);
        for (String module : List.of("absences", "groups", "method-tests", "national-tests", "notes", "plans", "reports")) {
            host.calls.clear();
            assertThat(portal.guardians().modulePage(viewer, children[0], module, Optional.empty())).as(module).isPresent();
            assertThat(host.calls.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum())
                    .as("source calls for the %s page", module).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void medicalIsPartOfTheAboutPageAndStaffOfTheSchoolPage() {
        Viewer viewer = Viewer.guardian(parent);
        portal.configuration().setOptions(school.id(), "staff", new StaffOptions(true, false), "beheerder");

        ChildPage about = portal.guardians().aboutChild(viewer, children[0]).orElseThrow();
        SchoolPage schoolPage = portal.guardians().schoolPage(viewer, school.id()).orElseThrow();

        assertThat(about.sections()).extracting(s -> s.title().en()).endsWith("Medical");
        assertThat(schoolPage.sections()).extracting(s -> s.title().en()).containsExactly("Staff");
        assertThat(PortalJson.write(schoolPage)).contains("ineke@regenboog.nl").doesNotContain("06-98765432");
        portal.configuration().deactivate(school.id(), "staff", "beheerder");
        assertThat(portal.guardians().schoolPage(viewer, school.id()).orElseThrow().sections()).isEmpty();
    }

    @Test
    void aReportPrintsAsAnA4PdfWhoseDutchTextReadsBack() throws Exception {
        byte[] pdf = portal.guardians().sectionPdf(Viewer.guardian(parent), children[1], "reports", Optional.empty(),
                "report1", new Locale("nl")).orElseThrow();

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f);
            assertThat(text).contains("Rapport 1 – Kind1 Jansen", "OBS De Regenboog", "Spelling van 'ĳzer' en 'café'",
                    "Kind1 werkt hard; de juf is trots.", "8 maart 2026");
        }
        assertThat(portal.guardians().sectionPdf(Viewer.guardian(parent), children[1], "reports", Optional.empty(),
                "report0", new Locale("nl"))).as("another child's report").isEmpty();
    }

    @Test
    void pagesSerialiseToStableJson() {
        portal.configuration().setOptions(school.id(), "groups", new GroupsOptions(false), "beheerder");
        ChildPage page = portal.guardians().modulePage(Viewer.guardian(parent), children[0], "reports", Optional.empty())
                .orElseThrow();

        String json = PortalJson.write(new ChildPage(page.child(), page.pageId(), page.schoolYear(), page.selectableYears(),
                page.sections().subList(1, 2)));

        assertThat(json).isEqualTo("{\"child\":\"child0\",\"pageId\":\"reports\",\"schoolYear\":\"2025-2026\","
                + "\"selectableYears\":[\"2025-2026\",\"2024-2025\"],\"sections\":[{\"anchor\":\"report0\","
                + "\"title\":{\"nl\":\"Rapport 1\",\"en\":\"Rapport 1\"},\"blocks\":["
                + "{\"type\":\"fields\",\"fields\":[{\"label\":{\"nl\":\"Datum\",\"en\":\"Date\"},"
                + "\"value\":{\"type\":\"day\",\"date\":\"2026-03-08\"}}]},"
                + "{\"type\":\"table\",\"headers\":[{\"nl\":\"Taal\",\"en\":\"Taal\"},{\"nl\":\"Beoordeling\",\"en\":\"Mark\"}],"
                + "\"rows\":[[{\"type\":\"text\",\"text\":\"Spelling van 'ĳzer' en 'café'\"},{\"type\":\"text\",\"text\":\"Goed\"}]],"
                + "\"emptyMessage\":{\"nl\":\"Geen beoordelingen.\",\"en\":\"No marks.\"}},"
                + "{\"type\":\"fields\",\"fields\":[{\"label\":{\"nl\":\"Opmerking van de leerkracht\",\"en\":\"Teacher's remark\"},"
                + "\"value\":{\"type\":\"text\",\"text\":\"Kind0 werkt hard; de juf is trots.\"}}]}],\"acceptsReplies\":false}]}");
        assertThat(PortalJson.write(portal.guardians().dashboard(Viewer.guardian(parent), Optional.of("notes"))))
                .contains("\"kind\":\"notes\"", "\"child\":\"child2\"");
    }

    @Test
    void anItemIsVisibleForNotificationsOnlyUnderTheModulesOwnRules() {
        host.notes.add(new Note("secret", children[0], TODAY, "Zorgoverleg", false, "Intern", "...", null));
        host.reports.add(new Report("draft", children[0], "Concept", TODAY, false, List.of(), null));
        var refs = List.of(
                new nl.ouderportaal.core.internal.GuardianSnapshots.ItemRef("notes", school.id(), children[0], "note00"),
                new nl.ouderportaal.core.internal.GuardianSnapshots.ItemRef("notes", school.id(), children[0], "secret"),
                new nl.ouderportaal.core.internal.GuardianSnapshots.ItemRef("reports", school.id(), children[0], "report0"),
                new nl.ouderportaal.core.internal.GuardianSnapshots.ItemRef("reports", school.id(), children[0], "draft"),
                new nl.ouderportaal.core.internal.GuardianSnapshots.ItemRef("notes", school.id(), StudentId.of("someone-else"), "note00"));

        assertThat(nl.ouderportaal.core.PortalInternals.snapshots(portal).visibleItems(Viewer.guardian(parent), refs)).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void groupAndAboutPagesHaveNoEarlierYearsOtherPagesDo() {
        Viewer viewer = Viewer.guardian(parent);

        assertThat(portal.guardians().modulePage(viewer, children[0], "groups", Optional.of(YEAR.previous()))).isEmpty();
        assertThat(portal.guardians().modulePage(viewer, children[0], "groups", Optional.empty()).orElseThrow()
                .selectableYears()).containsExactly(YEAR);
        assertThat(portal.guardians().modulePage(viewer, children[0], "notes", Optional.of(YEAR.previous()))).isPresent();
        assertThat(portal.guardians().aboutChild(viewer, children[0]).orElseThrow().selectableYears()).containsExactly(YEAR);
    }
}
