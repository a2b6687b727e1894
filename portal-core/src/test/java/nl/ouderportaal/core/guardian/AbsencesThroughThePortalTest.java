package nl.ouderportaal.core.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Absences reach a guardian's child page and dashboard only through the visibility policy")
class AbsencesThroughThePortalTest {

    private static final SchoolYear YEAR = new SchoolYear(2025);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryHost host = new InMemoryHost();
    private PortalStore store;
    private Portal portal;
    private School regenboog;
    private School klimop;
    private GuardianId mother;
    private StudentId sanne;
    private StudentId daan;
    private StudentId noor;

    @BeforeEach
    void setUp() {
        regenboog = host.addSchool("regenboog", "OBS De Regenboog");
        klimop = host.addSchool("klimop", "CBS De Klimop");
        host.schoolYears.put(regenboog.id(), List.of(YEAR, YEAR.previous(), YEAR.previous().previous()));
        mother = host.addGuardian("mother", "Anna", "Jansen").id();
        sanne = host.addStudent("sanne", regenboog.id(), "Sanne", LocalDate.of(2016, 5, 1), EnrolmentStatus.IN_EDUCATION).id();
        daan = host.addStudent("daan", klimop.id(), "Daan", LocalDate.of(2018, 9, 1), EnrolmentStatus.IN_EDUCATION).id();
        noor = host.addStudent("noor", regenboog.id(), "Noor", LocalDate.of(2019, 2, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(mother, sanne, true);
        host.link(mother, daan, true);
        host.link(mother, noor, false);
        host.placeInGroup(sanne, YEAR, InMemoryHost.group("g5", regenboog.id(), YEAR, "Groep 5", 5));
        host.absences.add(new Absence("a1", sanne, TODAY.minusDays(3), TODAY.minusDays(2), "Griep", true));
        host.absences.add(new Absence("a2", sanne, LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 4), "Tandarts", true));
        host.absences.add(new Absence("a3", daan, TODAY.minusDays(1), TODAY.minusDays(1), "Verslapen", false));
        host.absences.add(new Absence("a4", noor, TODAY.minusDays(1), TODAY.minusDays(1), "Ziek", true));

        store = PortalStore.h2InMemory("absences-" + System.nanoTime());
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        portal = host.register(Portal.builder())
                .accounts(nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("http://localhost:8080/"))).store(store).clock(clock).install(new AbsencesModule()).build();
        portal.accounts().importActiveAccount(mother, "anna.jansen@example.org", "test");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private Viewer motherViewing() {
        return Viewer.guardian(mother);
    }

    private void activateAbsences(School school, boolean onDashboard) {
        portal.configuration().activate(school.id(), AbsencesModule.ID, "beheerder");
        portal.configuration().showOnDashboard(school.id(), AbsencesModule.ID, onDashboard, "beheerder");
    }

    @Test
    void childrenWithTheViewingRightAppearOldestFirstAndTheOneWithoutDoesNot() {
        GuardianHome home = portal.guardians().home(motherViewing());

        assertThat(home.children()).extracting(c -> c.student().id()).containsExactly(sanne, daan);
        assertThat(home.children().get(0).school().name()).isEqualTo("OBS De Regenboog");
        assertThat(home.children().get(0).currentGroup().name()).isEqualTo("Groep 5");
    }

    @Test
    void everyModuleIsOffUntilTheSchoolActivatesIt() {
        assertThat(portal.guardians().home(motherViewing()).children()).allSatisfy(c -> assertThat(c.modules()).isEmpty());
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID, Optional.empty())).isEmpty();
        assertThat(portal.guardians().dashboard(motherViewing(), Optional.empty()).entries())
                .noneMatch(e -> e.kind().equals(AbsencesModule.ID));
    }

    @Test
    void anActiveModuleShowsTheChildsAbsencesOfTheCurrentYearNewestFirst() {
        activateAbsences(regenboog, false);

        ChildPage page = portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID, Optional.empty()).orElseThrow();

        Block.Table table = (Block.Table) page.sections().get(0).blocks().get(1);
        assertThat(table.rows()).containsExactly(List.of(Value.dayRange(TODAY.minusDays(3), TODAY.minusDays(2)),
                Value.text("Griep"), Value.localized("Ja", "Yes")));
        assertThat(page.schoolYear()).isEqualTo(YEAR);
    }

    @Test
    void earlierSchoolYearsAreSelectableOnlyWhereTheHostHasData() {
        activateAbsences(regenboog, false);

        ChildPage earlier = portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID,
                Optional.of(YEAR.previous())).orElseThrow();

        assertThat(earlier.selectableYears()).containsExactly(YEAR, YEAR.previous(), YEAR.previous().previous());
        assertThat(((Block.Table) earlier.sections().get(0).blocks().get(1)).rows()).hasSize(1);
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID,
                Optional.of(new SchoolYear(2020)))).isEmpty();
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID,
                Optional.of(YEAR.next()))).isEmpty();
    }

    @Test
    void theDashboardShowsAbsencesOnlyWhereTheModuleIsActiveAndOnTheDashboard() {
        activateAbsences(regenboog, false);
        assertThat(kinds(portal.guardians().dashboard(motherViewing(), Optional.empty()))).doesNotContain(AbsencesModule.ID);

        portal.configuration().showOnDashboard(regenboog.id(), AbsencesModule.ID, true, "beheerder");

        Dashboard dashboard = portal.guardians().dashboard(motherViewing(), Optional.empty());
        assertThat(dashboard.entries()).filteredOn(e -> e.kind().equals(AbsencesModule.ID))
                .extracting(DashboardEntry::child).containsExactly(sanne);
        assertThat(dashboard.welcomes()).extracting(t -> t.nl()).containsExactly(
                "Welkom op het Ouderportaal. Dit is het dashboard van school CBS De Klimop",
                "Welkom op het Ouderportaal. Dit is het dashboard van school OBS De Regenboog");
    }

    @Test
    void eachChildIsShownUnderItsOwnSchoolsModules() {
        activateAbsences(klimop, true);

        assertThat(portal.guardians().modulePage(motherViewing(), daan, AbsencesModule.ID, Optional.empty())).isPresent();
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID, Optional.empty())).isEmpty();
        assertThat(portal.guardians().dashboard(motherViewing(), Optional.empty()).entries())
                .filteredOn(e -> e.kind().equals(AbsencesModule.ID)).extracting(DashboardEntry::child).containsExactly(daan);
    }

    @Test
    void aLinkWithoutTheViewingRightShowsNothingOfThatChild() {
        activateAbsences(regenboog, true);

        assertThat(portal.guardians().modulePage(motherViewing(), noor, AbsencesModule.ID, Optional.empty())).isEmpty();
        assertThat(portal.guardians().aboutChild(motherViewing(), noor)).isEmpty();
        assertThat(portal.guardians().dashboard(motherViewing(), Optional.empty()).entries())
                .noneMatch(e -> noor.equals(e.child()));
    }

    @Test
    void turningTheViewingRightOffOrOnTakesEffectOnTheNextRequest() {
        activateAbsences(regenboog, true);
        host.setViewingRight(mother, sanne, false);
        host.setViewingRight(mother, noor, true);

        assertThat(portal.guardians().home(motherViewing()).children()).extracting(c -> c.student().id())
                .containsExactly(daan, noor);
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID, Optional.empty())).isEmpty();
    }

    @Test
    void aChildNoLongerInEducationDisappears() {
        Student left = host.students.get(sanne);
        host.replaceStudent(new Student(left.id(), left.schoolId(), left.name(), EnrolmentStatus.LEFT, left.personalData(),
                left.address(), left.addressSecret(), left.emergencyContacts(), left.remark(), left.registration(),
                left.schoolCareer()));

        assertThat(portal.guardians().home(motherViewing()).children()).extracting(c -> c.student().id()).containsExactly(daan);
    }

    @Test
    void maintenanceHidesTheSchoolsChildrenWithANoticeAndKeepsTheOwnProfile() {
        activateAbsences(regenboog, true);
        portal.configuration().setMaintenanceMode(regenboog.id(), true, "beheerder");

        GuardianHome home = portal.guardians().home(motherViewing());

        assertThat(home.ownProfileVisible()).isTrue();
        assertThat(home.children()).extracting(c -> c.student().id()).containsExactly(daan);
        assertThat(home.maintenanceNotices()).extracting(MaintenanceNotice::school).containsExactly(regenboog.id());
        assertThat(portal.guardians().modulePage(motherViewing(), sanne, AbsencesModule.ID, Optional.empty())).isEmpty();
    }

    @Test
    void anImpersonatingAdministratorSeesOnlyChildrenAtTheirOwnSchools() {
        GuardianHome home = portal.guardians().home(Viewer.impersonation(mother, Set.of(klimop.id())));

        assertThat(home.children()).extracting(c -> c.student().id()).containsExactly(daan);
    }

    @Test
    void aGuardianWithoutAnActiveAccountSeesNothingAndTheHostIsNotAsked() {
        GuardianId father = host.addGuardian("father", "Piet", "Jansen").id();
        host.link(father, sanne, true);

        GuardianHome home = portal.guardians().home(Viewer.guardian(father));

        assertThat(home.ownProfileVisible()).isFalse();
        assertThat(home.children()).isEmpty();
        assertThat(host.calls("linksOfGuardian")).isZero();
    }

    @Test
    void theHostIsAskedOncePerGuardianNotOncePerChild() {
        portal.guardians().home(motherViewing());

        assertThat(host.calls("linksOfGuardian")).isEqualTo(1);
        assertThat(host.calls("students")).isEqualTo(1);
        assertThat(host.calls("schools")).isEqualTo(1);
        assertThat(host.calls("groupsOfStudents")).isEqualTo(1);
    }

    @Test
    void theAboutPageShowsASecretAddressToTheChildsOwnGuardian() {
        Student s = host.students.get(sanne);
        host.replaceStudent(new Student(s.id(), s.schoolId(), s.name(), s.enrolmentStatus(), s.personalData(), s.address(),
                true, s.emergencyContacts(), "Sanne zwemt op dinsdag.", s.registration(), s.schoolCareer()));

        ChildPage about = portal.guardians().aboutChild(motherViewing(), sanne).orElseThrow();

        Block.Fields personal = (Block.Fields) about.sections().get(0).blocks().get(0);
        assertThat(personal.fields()).anySatisfy(f -> {
            assertThat(f.label().en()).isEqualTo("Address");
            assertThat(f.value()).isEqualTo(Value.text("Kerkstraat 12, 1234 AB Utrecht"));
        });
        assertThat(personal.fields()).anySatisfy(f -> assertThat(f.label().en()).isEqualTo("Secret address"));
        assertThat(about.sections()).extracting(sec -> sec.title().en())
                .contains("Personal data", "Emergency numbers", "Group", "Registration", "Remark from the school", "School career");
    }

    @Test
    void upcomingActivitiesOfTheChildsSchoolAreAlwaysOnTheDashboard() {
        host.activities.add(new Activity("sport", regenboog.id(), "Sportdag", null, TODAY.plusDays(5), TODAY.plusDays(5), Set.of()));
        host.activities.add(new Activity("other", regenboog.id(), "Schoolreis groep 8", null, TODAY.plusDays(6),
                TODAY.plusDays(6), Set.of(nl.ouderportaal.spi.GroupId.of("g8"))));
        host.activities.add(new Activity("past", regenboog.id(), "Kerstviering", null, TODAY.minusDays(80), TODAY.minusDays(80), Set.of()));

        Dashboard dashboard = portal.guardians().dashboard(motherViewing(), Optional.of(GuardianPortal.ACTIVITIES));

        assertThat(dashboard.entries()).extracting(e -> e.title().nl()).containsExactly("Sportdag (OBS De Regenboog)");
    }

    @Test
    void theKindFilterShowsOnlyOneKindButListsAllKinds() {
        activateAbsences(regenboog, true);
        host.activities.add(new Activity("sport", regenboog.id(), "Sportdag", null, TODAY.plusDays(5), TODAY.plusDays(5), Set.of()));

        Dashboard onlyAbsences = portal.guardians().dashboard(motherViewing(), Optional.of(AbsencesModule.ID));

        assertThat(onlyAbsences.entries()).isNotEmpty().allMatch(e -> e.kind().equals(AbsencesModule.ID));
        assertThat(onlyAbsences.kinds()).containsExactlyInAnyOrder(AbsencesModule.ID, GuardianPortal.ACTIVITIES);
    }

    private static Set<String> kinds(Dashboard dashboard) {
        return dashboard.kinds();
    }
}
