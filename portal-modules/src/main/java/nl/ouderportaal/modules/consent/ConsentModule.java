package nl.ouderportaal.modules.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.How;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.PurposeText;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.record.StoredRecord;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Consent (Toestemmingen, R-CONS): the school's purposes (photos on the website, in the newsletter, ...) with
 * versioned texts, each child's effective answer, and the proof of every answer. Guardians answer per child and
 * purpose through the action {@code answer}; from the child's 16th birthday the pupil decides and staff record
 * the pupil's answers. Staff manage purposes, see a class list per group and the families that have not
 * answered, and send a reminder. Everything is kept in the portal's module records; no host source beyond the
 * core's is needed. Inactive until a school activates it. Thread-safe.
 *
 * <pre>{@code
 * Portal.Builder builder = Portal.builder().install(new ConsentModule());   // or new ConsentModule(sink)
 * }</pre>
 */
public final class ConsentModule implements ContentModule<ConsentOptions> {

    public static final String ID = "consent";
    /** The anchor of the child page's history section; its PDF is the child's proof. */
    public static final String HISTORY = "history";

    static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Amsterdam");
    static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private static final ModuleDescriptor<ConsentOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, ConsentOptions.class, ConsentOptions.DEFAULTS)
            .name("Toestemmingen", "Consent")
            .dashboard(true)
            .requires(GuardianSource.class, StudentSource.class, GroupSource.class)
            .build();

    private final ConsentSink sink;

    /** Without a host sink. */
    public ConsentModule() {
        this(change -> { });
    }

    /** With a host sink that receives every change of an effective answer. */
    public ConsentModule(ConsentSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public ModuleDescriptor<ConsentOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<ConsentOptions> context) {
        Student child = context.child();
        boolean pupil = Consents.pupilDecides(child.personalData().birthDate(), context.today());
        List<Families.Consent> consents = Families.consents(context.records(), child, context.today(), context.options(),
                () -> Families.guardiansOf(context, child.schoolId(), child.id()));
        List<Block> intro = new ArrayList<>();
        String name = child.name().displayName();
        if (pupil) {
            intro.add(new Block.Notice(LocalizedText.of(
                    name + " is 16 jaar of ouder en beslist nu zelf over toestemming (UAVG art. 5). Uw antwoorden tellen niet meer; "
                            + "hieronder staat wat " + name + " heeft geantwoord. " + name + " geeft het antwoord door aan de school.",
                    name + " is 16 or older and now decides on consent (GDPR implementation act, art. 5). Your answers no longer "
                            + "count; below is what " + name + " answered. " + name + " gives the answer to the school.")));
        } else {
            intro.add(new Block.Notice(LocalizedText.of(
                    "De school vraagt per doel uw toestemming. Niets is vooraf ingevuld: zonder antwoord geldt nee. "
                            + "U kunt uw antwoord altijd wijzigen of intrekken.",
                    "The school asks your consent per purpose. Nothing is filled in beforehand: without an answer it is no. "
                            + "You can change or withdraw your answer at any time.")));
            intro.add(new Block.Notice(context.options().everyGuardianMustAnswer()
                    ? LocalizedText.of("Bij deze school geldt ja alleen als alle ouders/verzorgers ja hebben geantwoord.",
                            "At this school it is yes only when every parent or guardian has answered yes.")
                    : LocalizedText.of("Hebben meerdere ouders/verzorgers geantwoord, dan geldt ja alleen als zij allemaal ja zeiden.",
                            "When several parents or guardians answered, it is yes only when all of them said yes.")));
        }
        if (consents.isEmpty()) {
            intro.add(new Block.Paragraph(Value.localized("De school vraagt op dit moment geen toestemming.",
                    "The school does not ask for consent at the moment.")));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(DESCRIPTOR.name(), intro));
        for (Families.Consent consent : consents) {
            sections.add(new Section(consent.purpose().id(), consent.text().title(), List.of(
                    new Block.Paragraph(Value.localized(consent.text().text())),
                    new Block.Fields(List.of(
                            new Block.Field(LocalizedText.of("Versie van de tekst", "Version of the text"),
                                    Value.text(String.valueOf(consent.purpose().version()))),
                            new Block.Field(pupil ? LocalizedText.of("Antwoord van " + name, name + "'s answer")
                                            : LocalizedText.of("Geldend antwoord", "Answer that holds"),
                                    Value.localized(consent.state().label())))))));
        }
        sections.add(history(context, child));
        return sections;
    }

    /**
     * The child's history: every moment the effective answer of a purpose changed (a new text that asks again,
     * an answer that changed what holds), with how it came. Never whose answer it was: a guardian sees what
     * holds, never another guardian's own answer (the full proof with names is the staff view {@code history}).
     */
    private Section history(ChildContext<ConsentOptions> context, Student child) {
        var records = context.records();
        List<StoredRecord<Answer>> answers = ConsentRecords.answers(records, child.id());
        List<StoredRecord<PurposeText>> texts = ConsentRecords.texts(records);
        Map<String, PurposeText> titles = new HashMap<>();
        texts.forEach(t -> titles.put(t.value().purpose(), t.value()));
        List<GuardianId> withRight = context.options().everyGuardianMustAnswer()
                ? Families.guardiansOf(context, child.schoolId(), child.id()) : List.of();
        record Event(Instant at, long id, String purpose, int textVersion, StoredRecord<Answer> answer) {
        }
        List<Event> events = new ArrayList<>();
        // A new text of an existing purpose asks again; the first text only starts asking.
        texts.stream().filter(t -> t.value().version() > 1)
                .forEach(t -> events.add(new Event(t.createdAt(), t.id(), t.value().purpose(), t.value().version(), null)));
        answers.forEach(a -> events.add(new Event(a.createdAt(), a.id(), a.value().purpose(), 0, a)));
        // The store's ids break ties between records of one moment.
        events.sort(Comparator.comparing(Event::at).thenComparingLong(Event::id));
        Map<String, State> last = new HashMap<>();
        List<StoredRecord<Answer>> seen = new ArrayList<>();
        List<List<Value>> rows = new ArrayList<>();
        for (Event event : events) {
            if (event.answer() != null) {
                seen.add(event.answer());
            }
            int version = event.answer() == null ? event.textVersion() : versionAt(texts, event.purpose(), event.at(), event.id());
            if (version == 0 || titles.get(event.purpose()) == null) {
                continue;
            }
            LocalDate day = event.at().atZone(DISPLAY_ZONE).toLocalDate();
            State state = Consents.effective(seen, event.purpose(), version,
                    Consents.pupilDecides(child.personalData().birthDate(), day), context.options().everyGuardianMustAnswer(),
                    withRight);
            boolean newText = event.answer() == null;
            if (!newText && state == last.get(event.purpose())) {
                continue;
            }
            last.put(event.purpose(), state);
            LocalizedText how = newText ? LocalizedText.of("Nieuwe tekst: opnieuw gevraagd", "New text: asked again")
                    : event.answer().value().how() == How.STAFF_PAPER
                    ? LocalizedText.of("Door de school vastgelegd (papier)", "Recorded by the school (paper)")
                    : LocalizedText.of("In het Ouderportaal", "In the parent portal");
            rows.add(List.of(Value.text(MOMENT.format(event.at().atZone(DISPLAY_ZONE))),
                    Value.localized(titles.get(event.purpose()).title()), Value.text(String.valueOf(version)),
                    Value.localized(state.label()), Value.localized(how)));
        }
        return new Section(HISTORY, LocalizedText.of("Geschiedenis", "History"), List.of(
                new Block.Table(List.of(LocalizedText.of("Moment", "Moment"), LocalizedText.of("Doel", "Purpose"),
                        LocalizedText.of("Versie", "Version"), LocalizedText.of("Geldend antwoord", "Answer that holds"),
                        LocalizedText.of("Hoe", "How")), rows,
                        LocalizedText.of("Nog geen antwoorden.", "No answers yet."))));
    }

    /** The version of a purpose's text when a record (by moment, then store id) was added. */
    static int versionAt(List<StoredRecord<PurposeText>> texts, String purpose, Instant moment, long id) {
        int version = 0;
        for (StoredRecord<PurposeText> t : texts) {
            boolean before = t.createdAt().isBefore(moment) || (t.createdAt().equals(moment) && t.id() < id);
            if (t.value().purpose().equals(purpose) && before) {
                version = Math.max(version, t.value().version());
            }
        }
        return version;
    }

    /** While a purpose is unanswered for the child (and the guardians still decide), the dashboard asks. */
    @Override
    public List<DashboardEntry> dashboard(ChildContext<ConsentOptions> context) {
        Student child = context.child();
        if (Consents.pupilDecides(child.personalData().birthDate(), context.today())) {
            return List.of();
        }
        long open = Families.consents(context.records(), child, context.today(), context.options(),
                        () -> Families.guardiansOf(context, child.schoolId(), child.id())).stream()
                .filter(c -> c.state() == State.OPEN || c.state() == State.WAITING).count();
        if (open == 0) {
            return List.of();
        }
        String name = child.name().displayName();
        return List.of(new DashboardEntry(ID, child.id(), context.today(),
                open == 1 ? LocalizedText.of("Toestemming gevraagd voor " + name + ": 1 vraag", "Consent asked for " + name + ": 1 question")
                        : LocalizedText.of("Toestemming gevraagd voor " + name + ": " + open + " vragen",
                        "Consent asked for " + name + ": " + open + " questions"),
                Value.localized("Zonder antwoord geldt nee.", "Without an answer it is no.")));
    }

    @Override
    public List<GuardianAction<ConsentOptions, ?>> actions() {
        return List.of(new AnswerConsent(sink));
    }

    @Override
    public List<StaffView<ConsentOptions>> staffViews() {
        return List.of(new ConsentViews.ClassList(), new ConsentViews.NotAnswered(), new ConsentViews.History());
    }

    @Override
    public List<StaffAction<ConsentOptions, ?>> staffActions() {
        return List.of(new PurposeActions.Add(), new PurposeActions.ChangeText(sink), new PurposeActions.Retire(sink),
                new RecordPupilAnswer(sink), new SendReminder());
    }

    /** Reports what an answer changed to the sink, if anything. */
    static void report(ConsentSink sink, nl.ouderportaal.spi.SchoolId school, nl.ouderportaal.spi.StudentId child, String purpose,
                       int version, State before, State after, String cause, Instant at) {
        if (before.consent() != after.consent()) {
            sink.effectiveAnswerChanged(new ConsentChange(school, child, purpose, version, after.consent(), cause, at));
        }
    }

    static Optional<PurposeText> currentText(nl.ouderportaal.spi.record.ModuleRecords records, Purpose purpose) {
        return ConsentRecords.text(records, purpose.id(), purpose.version());
    }
}
