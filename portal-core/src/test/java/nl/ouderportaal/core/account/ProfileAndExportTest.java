package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.guardian.Profile;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.render.PortalJson;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.modules.absences.Absence;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guardian's profile and data export")
class ProfileAndExportTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private PortalStore store;
    private Portal portal;
    private GuardianId anna;
    private String session;

    @BeforeEach
    void setUp() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        host.schoolYears.put(SCHOOL, java.util.List.of(SchoolYear.containing(TODAY), SchoolYear.containing(TODAY).previous()));
        anna = host.addGuardian("anna", "Anna", "Jansen").id();
        GuardianId other = host.addGuardian("other", "Piet", "Bakker").id();
        StudentId sanne = host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        StudentId bram = host.addStudent("bram", SCHOOL, "Bram", LocalDate.of(2016, 2, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        host.link(other, bram, true);
        host.absences.add(new Absence("a1", sanne, TODAY.minusDays(3), TODAY.minusDays(3), "Tandarts", true));
        host.absences.add(new Absence("a0", sanne, LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 4), "Griep", true));
        host.notes.add(new Note("n1", bram, TODAY, "Oudergesprek", true, "Over Bram", "Alleen voor Bram", "Juf"));
        store = PortalStore.h2InMemory("export-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store).clock(clock)
                .install(new AbsencesModule(), new NotesModule()).build();
        portal.accounts().importActiveAccount(anna, "anna@example.org", "test");
        portal.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");
        portal.configuration().activate(SCHOOL, NotesModule.ID, "beheerder");
        session = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> new Sessions(store, portal.audit(), clock, Duration.ofMinutes(30),
                Duration.ofHours(12)).start(h, anna, null, null));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void theProfileShowsTheOwnDataAccountAndWhenTheSchoolViewedThePortalAsTheGuardian() {
        StaffActor admin = new StaffActor(StaffId.of("m1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
        portal.impersonations().start(admin, anna);

        Profile profile = portal.guardians().profile(Viewer.guardian(anna)).orElseThrow();

        assertThat(profile.guardian().id()).isEqualTo(anna);
        assertThat(profile.username()).isEqualTo("anna@example.org");
        assertThat(profile.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(profile.notificationsEnabled()).isFalse();
        assertThat(profile.correctableFields()).extracting(f -> f.key()).contains("countryOfBirth", "address.postalCode");
        assertThat(profile.impersonations()).extracting(e -> e.actorName()).containsExactly("Juf Ineke");
        assertThat(portal.guardians().profile(Viewer.guardian(GuardianId.of("other")))).as("no account").isEmpty();
    }

    @Test
    void theJsonExportHoldsEveryPageOfTheOwnChildInEveryYearAndNothingOfAnotherFamily() throws Exception {
        String json = new String(portal.dataExports().json(portal.authentication().writePermit(session)), java.nio.charset.StandardCharsets.UTF_8);

        var tree = PortalJson.mapper().readTree(json);
        assertThat(tree.get("childPages")).extracting(p -> p.get("pageId").asText() + "@" + p.get("schoolYear").asText())
                .containsExactlyInAnyOrder("about@2025-2026", "absences@2025-2026", "absences@2024-2025", "notes@2025-2026", "notes@2024-2025");
        assertThat(json).contains("Tandarts", "Griep", "anna@example.org").doesNotContain("Bram", "Alleen voor Bram");
        assertThat(portal.audit().ofGuardian(anna, "data.", 5)).extracting(e -> e.detail()).containsExactly("json, 5 pages");
    }

    @Test
    void thePdfExportReadsBackAndAnImpersonationCannotDownload() throws Exception {
        byte[] pdf = portal.dataExports().pdf(portal.authentication().writePermit(session), new Locale("nl"));

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Uw gegevens in het Ouderportaal – Anna Jansen", "Absenties – Sanne Jansen (2025-2026)",
                    "Tandarts", "Personalia – Sanne Jansen");
        }
        StaffActor admin = new StaffActor(StaffId.of("m1"), "Juf Ineke", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
        String impersonation = portal.impersonations().start(admin, anna);
        assertThatThrownBy(() -> portal.dataExports().json(portal.authentication().writePermit(impersonation))).isInstanceOf(ImpersonationReadOnlyException.class);
    }
}
