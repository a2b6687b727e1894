package nl.ouderportaal.modules.notes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionDescriptor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.ActionPlacement;
import nl.ouderportaal.spi.action.Availability;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.view.Section;

/**
 * A guardian's reply to a note (R-NOTE-1), the notes module's action {@code reply}: offered under each
 * visible note at a school that takes replies, handed to the host's {@link NoteReplySink}, which adds it
 * to the child's file. Thread-safe.
 */
final class ReplyToNote implements GuardianAction<NotesOptions, ReplyToNote.Reply> {

    static final String ID = "reply";
    static final int MAX_LENGTH = 2000;

    /**
     * The input of {@code reply}.
     *
     * @param note the id of the note replied to
     * @param text the reply, plain text of 1 to 2,000 characters
     */
    record Reply(@NotBlank String note, @NotBlank @Size(max = MAX_LENGTH) String text) {
    }

    @Override
    public ActionDescriptor<Reply> descriptor() {
        return ActionDescriptor.forChild(ID, "Reageren", "Reply", Reply.class, ActionPlacement.ITEM);
    }

    @Override
    public java.util.Set<Class<?>> requiredSinks() {
        return java.util.Set.of(NoteReplySink.class);
    }

    @Override
    public Availability availability(ActionContext<NotesOptions> context) {
        return context.options().repliesAllowed() ? Availability.yes()
                : Availability.unavailable("Reageren op notities is bij deze school niet mogelijk.",
                        "This school does not take replies to notes.");
    }

    @Override
    public ActionForm form(ActionContext<NotesOptions> context) {
        List<Choice> notes = notes(context).stream().filter(n -> Section.isValidAnchor(n.id()))
                .map(n -> Choice.of(n.id(), n.subject())).toList();
        return ActionForm.of(
                        FormField.of("note", FieldKind.ITEM, "Notitie", "Note").asRequired().choices(notes),
                        FormField.of("text", FieldKind.LONG_TEXT, "Uw reactie", "Your reply").asRequired().maxLength(MAX_LENGTH))
                .submit("Reactie versturen", "Send reply");
    }

    @Override
    public ActionOutcome run(ActionContext<NotesOptions> context, Reply input) {
        Note note = notes(context).stream().filter(n -> n.id().equals(input.note())).findFirst().orElseThrow();
        context.source(NoteReplySink.class).addReply(context.requireChild().id(), new NoteReply(note.id(),
                "Re: " + note.subject(), input.text(), context.guardian().name().displayName(), context.today(), true));
        return ActionOutcome.created("Uw reactie is verstuurd naar de school.", "Your reply has been sent to the school.").audit("note " + note.id());
    }

    private static List<Note> notes(ActionContext<NotesOptions> context) {
        return NotesModule.notesOfCurrentYear(context);
    }
}
