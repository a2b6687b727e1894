package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.ouderportaal.core.guardian.ChildPage;
import nl.ouderportaal.core.guardian.GuardianHome;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.consent.ConsentModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.Student;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo school")
class DemoSchoolTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final SchoolYear CURRENT = new SchoolYear(2026);
    private static final GuardianId DEMO = GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN);

    @TempDir
    static Path dataDirectory;
    private static DemoSchool demo;

    @BeforeAll
    static void open() {
        demo = DemoSchool.open(dataDirectory, CLOCK);
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void theMainSchoolHasGroupsOneToEightAndAboutTwoHundredPupilsOverThreeSchoolYears() {
        SchoolId main = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);

        assertThat(demo.sis().groups(main, CURRENT)).extracting(g -> g.yearLevel()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(demo.sis().schoolYears(main)).containsExactlyInAnyOrder(CURRENT, CURRENT.previous(), CURRENT.previous().previous());
        // Pupils in a group this year: the generated 200 plus the demo family's children there.
        assertThat(demo.sis().groupsOfStudents(allStudentIds(), CURRENT)).hasSizeBetween(200, 205);
    }

    @Test
    void theDemoGuardianSeesTwoChildrenAtTwoSchoolsOneWithASecretAddress() {
        GuardianHome home = demo.portal().guardians().home(Viewer.guardian(DEMO));

        assertThat(home.children()).extracting(c -> c.student().id().value())
                .containsExactlyInAnyOrder(DemoSchoolGenerator.SANNE, DemoSchoolGenerator.DAAN);
        assertThat(home.children()).extracting(c -> c.school().id().value())
                .containsExactlyInAnyOrder(DemoSchoolGenerator.MAIN_SCHOOL, DemoSchoolGenerator.SECOND_SCHOOL);
        assertThat(home.children()).filteredOn(c -> c.student().addressSecret()).hasSize(1);
    }

    @Test
    void theDemoGuardianAlsoHasALinkWithoutViewingRightAndAChildNoLongerInEducation() {
        List<GuardianLink> links = demo.sis().linksOfGuardian(DEMO);
        List<Student> linked = demo.sis().students(links.stream().map(GuardianLink::studentId).toList());

        assertThat(links).filteredOn(l -> !l.viewingRight()).extracting(l -> l.studentId().value())
                .containsExactly(DemoSchoolGenerator.LOTTE);
        assertThat(linked).filteredOn(s -> s.enrolmentStatus() != EnrolmentStatus.IN_EDUCATION)
                .extracting(s -> s.id().value()).containsExactly(DemoSchoolGenerator.TIM);
    }

    @Test
    void separatedParentsHaveSeparateAccountsAndAddresses() {
        var mother = demo.sis().guardian(DEMO).orElseThrow();
        var father = demo.sis().guardian(GuardianId.of(DemoSchoolGenerator.DEMO_EX_PARTNER)).orElseThrow();

        assertThat(father.contact().email()).isNotEqualTo(mother.contact().email());
        assertThat(father.address()).isNotEqualTo(mother.address());
        assertThat(demo.sis().linksOfGuardian(father.id())).extracting(l -> l.studentId().value())
                .containsExactly(DemoSchoolGenerator.SANNE);
    }

    @Test
    void absencesFlowFromTheSisDatabaseToTheChildPageAndTheDashboard() {
        Viewer viewer = Viewer.guardian(DEMO);
        StudentId sanne = StudentId.of(DemoSchoolGenerator.SANNE);

        ChildPage page = demo.portal().guardians().modulePage(viewer, sanne, AbsencesModule.ID, Optional.empty()).orElseThrow();

        assertThat(page.selectableYears()).containsExactly(CURRENT, CURRENT.previous(), CURRENT.previous().previous());
        assertThat(demo.portal().guardians().dashboard(viewer, Optional.of(AbsencesModule.ID)).entries())
                .anySatisfy(e -> assertThat(e.title().nl()).isEqualTo("Geoorloofd afwezig: Ziek"));
    }

    @Test
    void theMainCommandsTextNamesTheVisibleChildrenAndNotTheHiddenOnes() {
        String text = demo.describeDemoGuardian(Locale.forLanguageTag("nl"));

        assertThat(text).contains("Sanne de Vries", "Daan de Vries", "Geoorloofd afwezig: Ziek",
                "Welkom op het Ouderportaal. Dit is het dashboard van school OBS De Regenboog");
        assertThat(text).doesNotContain("Lotte", "Tim de Vries");
    }

    @Test
    void theDemoGuardianWasInvitedByMailAndLogsInWithTheDemoPassword() throws Exception {
        assertThat(demo.mailbox().getReceivedMessages()).extracting(m -> m.getSubject())
                .contains("Uw inloggegevens voor het Ouderportaal van OBS De Regenboog");
        assertThat(DemoSchool.plainText(demo.mailbox().getReceivedMessages()[0])).contains(DemoSchool.ADMIN_NAME);

        assertThat(demo.portal().authentication().login(DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD))
                .isInstanceOf(nl.ouderportaal.core.account.LoginResult.Success.class);
        assertThat(demo.portal().authentication().login(DemoSchool.GUARDIAN_LOGIN, "beheerder-demo"))
                .isInstanceOf(nl.ouderportaal.core.account.LoginResult.Refused.class);
    }

    @Test
    void theDemoHasDataForEveryModule() {
        Viewer viewer = Viewer.guardian(DEMO);
        StudentId sanne = StudentId.of(DemoSchoolGenerator.SANNE);
        var guardians = demo.portal().guardians();

        for (String module : List.of("absences", "groups", "notes", "plans", "homework")) {
            assertThat(guardians.modulePage(viewer, sanne, module, Optional.empty()).orElseThrow().sections())
                    .as(module).isNotEmpty()
                    .allSatisfy(section -> assertThat(section.blocks()).as(module).isNotEmpty());
        }
        for (String module : List.of("method-tests", "national-tests", "reports")) {
            assertThat(guardians.modulePage(viewer, sanne, module, Optional.of(CURRENT.previous())).orElseThrow().sections())
                    .as(module + " last year").hasSizeGreaterThan(1);
        }
        assertThat(guardians.aboutChild(viewer, sanne).orElseThrow().sections())
                .extracting(s -> s.title().en()).contains("Medical");
        assertThat(guardians.schoolPage(viewer, SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL)).orElseThrow().sections())
                .extracting(s -> s.title().en()).containsExactly("Staff");
        // The second school shows only absences, notes and the group.
        assertThat(guardians.home(viewer).children()).filteredOn(c -> c.student().id().value().equals(DemoSchoolGenerator.DAAN))
                .flatExtracting(c -> c.modules()).extracting(m -> m.moduleId())
                .containsExactly("absences", "groups", "notes");
    }

    @Test
    void theNewestReportPrintsAsAPdf(@TempDir Path directory) throws Exception {
        Path pdf = demo.writeNewestReportPdf(directory, Locale.forLanguageTag("nl")).orElseThrow();

        assertThat(java.nio.file.Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void generationIsDeterministic(@TempDir Path elsewhere) {
        Jdbi first = Jdbi.create("jdbc:h2:mem:first;DB_CLOSE_DELAY=-1");
        Jdbi second = Jdbi.create("jdbc:h2:mem:second;DB_CLOSE_DELAY=-1");
        new DemoSchoolGenerator(CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()).populate(first);
        new DemoSchoolGenerator(CLOCK.instant().atZone(ZoneOffset.UTC).toLocalDate()).populate(second);

        String fingerprint = "select count(*) || '/' || sum(length(id || surname || birth_date || street)) from student";
        String firstPrint = first.withHandle(h -> h.createQuery(fingerprint).mapTo(String.class).one());
        String secondPrint = second.withHandle(h -> h.createQuery(fingerprint).mapTo(String.class).one());
        assertThat(firstPrint).isEqualTo(secondPrint).startsWith("268/");
        assertThat(elsewhere).isEmptyDirectory();
    }

    private static List<StudentId> allStudentIds() {
        return Jdbi.create("jdbc:h2:file:" + dataDirectory.resolve("sis").toAbsolutePath(), "sis", "")
                .withHandle(h -> h.createQuery("select id from student where school_id = :s")
                        .bind("s", DemoSchoolGenerator.MAIN_SCHOOL).mapTo(String.class).map(StudentId::of).list());
    }

    @Test
    void theDemoChildIsAskedConsentForThreePurposesAndTheSisMirrorsTheEffectiveAnswer() {
        StudentId sanne = StudentId.of(DemoSchoolGenerator.SANNE);
        var portal = demo.portal();
        ChildPage page = portal.guardians().modulePage(Viewer.guardian(DEMO), sanne, ConsentModule.ID, Optional.empty()).orElseThrow();
        List<String> purposes = page.sections().stream().map(s -> s.anchor())
                .filter(a -> a != null && !a.equals(ConsentModule.HISTORY)).toList();
        assertThat(purposes).hasSizeGreaterThanOrEqualTo(3);
        String session = ((nl.ouderportaal.core.account.LoginResult.Success) portal.authentication()
                .login(DemoSchoolGenerator.DEMO_EMAIL, DemoSchool.GUARDIAN_PASSWORD)).sessionToken();
        String purpose = purposes.get(0);

        portal.actions().run(portal.authentication().writePermit(session), sanne, ConsentModule.ID, "answer",
                java.util.Map.of("purpose", purpose, "answer", "yes")).orElseThrow();
        assertThat(demo.sis().mirroredConsent(sanne, purpose)).isTrue();
        var no = portal.actions().run(portal.authentication().writePermit(session), sanne, ConsentModule.ID, "answer",
                java.util.Map.of("purpose", purpose, "answer", "no")).orElseThrow();

        assertThat(no.details()).containsEntry("effective", "no");
        assertThat(demo.sis().mirroredConsent(sanne, purpose)).isFalse();
        assertThat(portal.staffActions().view(DemoSchool.ADMIN, SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL), ConsentModule.ID,
                "history", java.util.Map.of("child", sanne.value())).orElseThrow().rows()).hasSize(2);
    }
}
