package nl.ouderportaal.modules.notes;

import nl.ouderportaal.spi.action.GuardianAction;

import static nl.ouderportaal.modules.support.Views.field;
import static nl.ouderportaal.modules.support.Views.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Notes (Notities): notes of published categories dated on or after the start date, newest first, each
 * saying whether the guardian may reply; on the dashboard where the school shows it. Thread-safe.
 */
public final class NotesModule implements ContentModule<NotesOptions> {

    public static final String ID = "notes";
    static final int DASHBOARD_DAYS = 30;

    private static final ModuleDescriptor<NotesOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NotesOptions.class, NotesOptions.DEFAULTS)
            .name("Notities", "Notes")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(NoteSource.class)
            .build();

    @Override
    public ModuleDescriptor<NotesOptions> descriptor() {
        return DESCRIPTOR;
    }

    /**
     * The module's own visibility rule (ARCHITECTURE.md principle 8): a note is shown when its category is
     * published and it is dated on or after the start date. Newest first.
     */
    public static List<Note> visible(List<Note> notes, NotesOptions options) {
        return notes.stream()
                .filter(Note::categoryPublished)
                .filter(n -> options.startDate() == null || !n.date().isBefore(options.startDate()))
                .sorted(Comparator.comparing(Note::date).thenComparing(Note::id).reversed())
                .toList();
    }

    @Override
    public List<Section> childPage(ChildContext<NotesOptions> context) {
        List<Note> notes = notes(context).stream().filter(n -> Views.inYear(n.date(), context.schoolYear())).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Notice(context.options().repliesAllowed()
                ? text("U kunt op een notitie reageren; uw reactie komt in het dossier van uw kind.",
                        "You can reply to a note; your reply is added to your child's file.")
                : text("Reageren op notities is bij deze school niet mogelijk.",
                        "This school does not take replies to notes.")));
        if (notes.isEmpty()) {
            blocks.add(new Block.Paragraph(Value.localized(Views.noneInYear("notities", "notes", context.schoolYear()))));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(DESCRIPTOR.name(), blocks));
        // One section per note, anchored by its id, so that a front end can offer a reply to that note.
        for (Note note : notes) {
            String anchor = Section.isValidAnchor(note.id()) ? note.id() : null;
            sections.add(new Section(anchor, LocalizedText.of(note.subject(), note.subject()), List.of(new Block.Fields(List.of(
                    field("Datum", "Date", Value.day(note.date())),
                    field("Categorie", "Category", Value.text(note.category())),
                    field("Gemaakt door", "Created by", Value.text(note.author())),
                    field("Notitie", "Note", Value.text(note.text()))))),
                    anchor != null && context.options().repliesAllowed()));
        }
        return sections;
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<NotesOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return notes(context).stream()
                .filter(n -> !n.date().isBefore(since) && !n.date().isAfter(context.today()))
                .limit(5)
                .map(n -> new DashboardEntry(ID, context.child().id(), n.date(),
                        LocalizedText.of("Notitie: " + n.subject(), "Note: " + n.subject()), Value.text(n.category())))
                .toList();
    }

    @Override
    public boolean isItemVisible(ChildContext<NotesOptions> context, String noteId) {
        return notes(context).stream().anyMatch(n -> n.id().equals(noteId));
    }

    /** Replies to notes (R-NOTE-1), the one action of the module; needs the host's {@link NoteReplySink}. */
    @Override
    public List<GuardianAction<NotesOptions, ?>> actions() {
        return List.of(new ReplyToNote());
    }

    /** The visible notes of the current school year, for the reply action. */
    static List<Note> notesOfCurrentYear(nl.ouderportaal.spi.action.ActionContext<NotesOptions> context) {
        nl.ouderportaal.spi.SchoolYear year = nl.ouderportaal.spi.SchoolYear.containing(context.today());
        return visible(context.source(NoteSource.class).notes(context.requireChild().id(), year).stream()
                .filter(n -> n.student().equals(context.requireChild().id())).toList(), context.options());
    }

    private static List<Note> notes(ChildContext<NotesOptions> context) {
        return visible(context.source(NoteSource.class).notes(context.child().id(), context.schoolYear()).stream()
                .filter(n -> n.student().equals(context.child().id())).toList(), context.options());
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("startDate", nl.ouderportaal.spi.LocalizedText.of("Startdatum (oudere notities worden nooit getoond)", "Start date (older notes are never shown)")),
            java.util.Map.entry("repliesAllowed", nl.ouderportaal.spi.LocalizedText.of("Verzorgers mogen reageren", "Guardians may reply")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
