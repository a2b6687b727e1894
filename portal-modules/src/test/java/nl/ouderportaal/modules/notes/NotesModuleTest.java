package nl.ouderportaal.modules.notes;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static nl.ouderportaal.modules.support.TestContexts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The notes module")
class NotesModuleTest {

    private final List<Note> notes = new ArrayList<>();
    private final TestContexts contexts = new TestContexts().with(NoteSource.class, (student, year) -> notes);

    private Note note(String id, LocalDate date, boolean published, String subject) {
        Note note = new Note(id, SANNE, date, published ? "Oudergesprek" : "Intern zorgoverleg", published, subject,
                "Tekst van " + subject, "Juf Ineke");
        notes.add(note);
        return note;
    }

    @Test
    void showsOnlyPublishedCategoriesFromTheStartDateNewestFirst() {
        note("1", LocalDate.of(2025, 9, 1), true, "Voor de startdatum");
        note("2", LocalDate.of(2025, 11, 3), true, "Gesprek november");
        note("3", LocalDate.of(2026, 1, 12), false, "Intern");
        note("4", LocalDate.of(2026, 2, 2), true, "Gesprek februari");

        var options = new NotesOptions(LocalDate.of(2025, 10, 1), false);

        assertThat(NotesModule.visible(notes, options)).extracting(Note::id).containsExactly("4", "2");
        assertThat(NotesModule.visible(notes, NotesOptions.DEFAULTS)).extracting(Note::id).containsExactly("4", "2", "1");
    }

    @Test
    void thePageSaysWhetherAReplyIsPossible() {
        note("1", LocalDate.of(2026, 2, 2), true, "Gesprek februari");

        var allowed = new NotesModule().childPage(contexts.child(new NotesOptions(null, true)));
        var refused = new NotesModule().childPage(contexts.child(NotesOptions.DEFAULTS));

        assertThat(((Block.Notice) allowed.get(0).blocks().get(0)).text().nl()).startsWith("U kunt op een notitie reageren");
        assertThat(((Block.Notice) refused.get(0).blocks().get(0)).text().nl()).startsWith("Reageren op notities is bij deze school niet");
        assertThat(allowed.get(1).anchor()).isEqualTo("1");
        assertThat(allowed.get(1).title().nl()).isEqualTo("Gesprek februari");
        assertThat(allowed.get(1).acceptsReplies()).as("each note is its own section, open to a reply").isTrue();
        assertThat(refused.get(1).acceptsReplies()).isFalse();
    }

    @Test
    void aNoteWhoseHostIdCannotBeAnAnchorIsShownWithoutAReplyForm() {
        note("id with spaces/and slashes", LocalDate.of(2026, 2, 2), true, "Gesprek");

        var page = new NotesModule().childPage(contexts.child(new NotesOptions(null, true)));

        assertThat(page.get(1).anchor()).isNull();
        assertThat(page.get(1).acceptsReplies()).isFalse();
    }

    @Test
    void theDashboardShowsRecentPublishedNotesOnly() {
        note("old", TODAY.minusDays(40), true, "Oud");
        note("new", TODAY.minusDays(2), true, "Nieuw");
        note("hidden", TODAY.minusDays(1), false, "Verborgen");

        List<DashboardEntry> entries = new NotesModule().dashboard(contexts.child(NotesOptions.DEFAULTS));

        assertThat(entries).extracting(e -> e.title().nl()).containsExactly("Notitie: Nieuw");
    }
}
