package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.MutableClock;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.modules.notes.Note;
import nl.ouderportaal.modules.notes.NotesModule;
import nl.ouderportaal.modules.notes.NotesOptions;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replies to notes")
class RepliesTest {

    private static final SchoolId SCHOOL = SchoolId.of("regenboog");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private final InMemoryHost host = new InMemoryHost();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private PortalStore store;
    private Portal portal;
    private String session;
    private StudentId sanne;
    private StudentId bram;

    @BeforeEach
    void setUp() {
        host.addSchool(SCHOOL.value(), "OBS De Regenboog");
        GuardianId anna = host.addGuardian("anna", "Anna", "Jansen").id();
        GuardianId other = host.addGuardian("other", "Piet", "Bakker").id();
        sanne = host.addStudent("sanne", SCHOOL, "Sanne", LocalDate.of(2016, 1, 1), EnrolmentStatus.IN_EDUCATION).id();
        bram = host.addStudent("bram", SCHOOL, "Bram", LocalDate.of(2016, 2, 1), EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        host.link(other, bram, true);
        host.notes.add(new Note("n1", sanne, TODAY.minusDays(2), "Oudergesprek", true, "Gesprek", "Tekst", "Juf Ineke"));
        host.notes.add(new Note("n2", sanne, TODAY.minusDays(1), "Zorg", false, "Intern", "Tekst", "Juf Ineke"));
        host.notes.add(new Note("n3", bram, TODAY.minusDays(1), "Oudergesprek", true, "Bram", "Tekst", "Juf Ineke"));
        store = PortalStore.h2InMemory("replies-" + System.nanoTime());
        portal = host.registerAll(Portal.builder()).store(store).clock(clock).install(new NotesModule()).build();
        portal.accounts().importActiveAccount(anna, "anna@example.org", "test");
        portal.configuration().activate(SCHOOL, NotesModule.ID, "beheerder");
        portal.configuration().setOptions(SCHOOL, NotesModule.ID, new NotesOptions(null, true), "beheerder");
        session = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> new Sessions(store, portal.audit(), clock, Duration.ofMinutes(30),
                Duration.ofHours(12)).start(h, anna, null, null));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aReplyBecomesAnUnreadNoteReOriginalSubjectByTheGuardian() {
        GuardianWrites.reply(portal, session, sanne, "n1", "  Dank u wel,\r\nwe komen graag.  ");

        assertThat(host.replies).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(sanne);
            assertThat(e.getValue().subject()).isEqualTo("Re: Gesprek");
            assertThat(e.getValue().text()).isEqualTo("Dank u wel,\nwe komen graag.");
            assertThat(e.getValue().createdBy()).isEqualTo("Anna Jansen");
            assertThat(e.getValue().unread()).isTrue();
            assertThat(e.getValue().inReplyTo()).isEqualTo("n1");
        });
    }

    @Test
    void notesTheGuardianCannotSeeAnotherFamilysChildOrAClosedSchoolTakeNoReply() {
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, sanne, "n2", "x"))
                .isInstanceOf(PortalValidationException.class).hasMessageContaining("niet (meer) zichtbaar");
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, bram, "n3", "x"))
                .hasMessageContaining("Reageren is hier niet mogelijk");
        portal.configuration().setOptions(SCHOOL, NotesModule.ID, new NotesOptions(null, false), "beheerder");
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, sanne, "n1", "x"))
                .isInstanceOfSatisfying(nl.ouderportaal.core.action.ActionUnavailableException.class, e ->
                        assertThat(e.reason().nl()).isEqualTo("Reageren op notities is bij deze school niet mogelijk."));
        assertThat(host.replies).isEmpty();
    }

    @Test
    void emptyOversizedOrControlCharacterTextIsRefused() {
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, sanne, "n1", "   "))
                .hasMessageContaining("Uw reactie: vul dit in");
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, sanne, "n1", "x".repeat(2001)))
                .hasMessageContaining("hoogstens 2.000");
        assertThatThrownBy(() -> GuardianWrites.reply(portal, session, sanne, "n1", "bel\u0007"))
                .hasMessageContaining("niet zijn toegestaan");
        assertThat(host.replies).isEmpty();
    }

    @Test
    void scriptInAReplyStaysPlainTextForTheHost() {
        GuardianWrites.reply(portal, session, sanne, "n1", "<script>alert(1)</script>");

        // Plain text travels as is; the host shows it as text, never as HTML.
        assertThat(host.replies.get(0).getValue().text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void anImpersonatingAdministratorCannotReply() {
        StaffActor admin = new StaffActor(StaffId.of("m1"), "Beheer", Set.of(StaffActor.Role.ADMIN), Set.of(SCHOOL));
        String impersonation = portal.impersonations().start(admin, GuardianId.of("anna"));

        assertThatThrownBy(() -> GuardianWrites.reply(portal, impersonation, sanne, "n1", "x"))
                .isInstanceOf(ImpersonationReadOnlyException.class);
        assertThat(host.replies).isEmpty();
    }
}
