package nl.ouderportaal.modules.conferences;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.ActionMail;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Parents' evenings (Gesprekken, the conference planner, R-CONF): an administrator makes a round for some
 * groups, with the evenings of each of their teachers; a guardian books, moves or cancels a conversation
 * per child and teacher while the round is open, sees only free slots (siblings' back-to-back slots
 * first), and gets an iCalendar invitation that follows every change. Exactly one booking per slot holds
 * through the slot's unique record key. A reminder goes out the day before ({@link #daily}). Everything
 * lives in module records, removed by housekeeping a year after the round's last evening. Inactive until a
 * school activates it, like every module.
 */
public final class ConferencesModule implements ContentModule<ConferencesOptions> {

    public static final String ID = "conferences";

    private static final ModuleDescriptor<ConferencesOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, ConferencesOptions.class, ConferencesOptions.DEFAULTS).name("Gesprekken", "Parents' evenings")
            .requires(GroupSource.class, GuardianSource.class, StudentSource.class).build();

    @Override
    public ModuleDescriptor<ConferencesOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<GuardianAction<ConferencesOptions, ?>> actions() {
        return GuardianSide.actions();
    }

    @Override
    public List<StaffAction<ConferencesOptions, ?>> staffActions() {
        return StaffSide.actions();
    }

    @Override
    public List<StaffView<ConferencesOptions>> staffViews() {
        return StaffSide.views();
    }

    /** Per round of the child: its conversations (booked by any guardian of the child) and the teachers' free times. */
    @Override
    public List<Section> childPage(ChildContext<ConferencesOptions> context) {
        if (!context.isCurrentSchoolYear()) {
            return List.of();
        }
        List<Round> rounds = Planner.roundsOf(context, context.records(), context.child());
        if (rounds.isEmpty()) {
            return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Notice(LocalizedText.of(
                    "Er zijn nu geen gesprekken om in te plannen.", "There are no conferences to book now.")))));
        }
        LocalDateTime now = context.today().atStartOfDay();
        List<Section> sections = new ArrayList<>();
        for (Round round : rounds) {
            Map<String, StoredRecord<Booking>> taken = Planner.taken(context.records(), round.id());
            List<Round.TeacherPlan> teachers = Planner.teachersOf(context, round, context.child());
            List<Booking> booked = taken.values().stream().map(StoredRecord::value)
                    .filter(b -> !b.blocked() && context.child().id().value().equals(b.child()))
                    .sorted(Comparator.comparing(Booking::start)).toList();
            List<Block> blocks = new ArrayList<>();
            LocalizedText opens = Planner.at(round.bookingOpens());
            LocalizedText closes = Planner.at(round.bookingCloses());
            blocks.add(new Block.Fields(List.of(
                    new Block.Field(LocalizedText.of("Inschrijven", "Booking"), Value.localized(round.closed()
                            ? LocalizedText.of("gesloten", "closed")
                            : LocalizedText.of("van " + opens.nl() + " tot " + closes.nl(), "from " + opens.en() + " until " + closes.en()))))));
            if (round.siblingsOpen() != null && !round.closed()) {
                LocalizedText early = Planner.at(round.siblingsOpen());
                blocks.add(new Block.Notice(LocalizedText.of("Gezinnen met meer kinderen in deze ronde kunnen al vanaf " + early.nl()
                        + " plannen.", "Families with several children in this round can book from " + early.en() + ".")));
            }
            blocks.add(new Block.Table(List.of(LocalizedText.of("Wanneer", "When"), LocalizedText.of("Leerkracht", "Teacher"),
                    LocalizedText.of("Waar", "Where"), LocalizedText.of("Gepland door", "Booked by")),
                    booked.stream().map(b -> List.of(Value.localized(Planner.when(b.start(), b.end())), Value.text(b.teacherName()),
                            Value.text(round.teacher(b.teacher()).map(Round.TeacherPlan::where).orElse("")),
                            Value.text(b.bookedBy()))).toList(),
                    LocalizedText.of("Nog geen gesprek gepland.", "No conversation booked yet.")));
            if (!round.closed()) {
                List<List<Value>> free = new ArrayList<>();
                for (Round.TeacherPlan plan : teachers) {
                    // On the page the free times from today on; the book form offers them up to the minute.
                    List<Slot> slots = Planner.free(round, plan, taken, now);
                    String first = String.join(", ", slots.stream().limit(6)
                            .map(s -> s.start().toLocalDate().getDayOfMonth() + "/" + s.start().getMonthValue() + " " + s.start().toLocalTime())
                            .toList()) + (slots.size() > 6 ? ", …" : "");
                    free.add(List.of(Value.text(plan.name()), Value.text(String.valueOf(slots.size())), Value.text(first)));
                }
                blocks.add(new Block.Table(List.of(LocalizedText.of("Leerkracht", "Teacher"), LocalizedText.of("Vrij", "Free"),
                        LocalizedText.of("Eerste vrije tijden", "First free times")), free,
                        LocalizedText.of("Geen leerkrachten voor deze groep.", "No teachers for this group.")));
            }
            sections.add(new Section("ronde-" + round.id(), LocalizedText.of(round.name(), round.name()), blocks));
        }
        return sections;
    }

    /**
     * The reminder the day before (R-CONF-4): each booking of tomorrow gets one mail to the guardian who
     * booked it, once, however many nodes run this and however often: the reminder's record key is taken
     * first.
     */
    @Override
    public List<ActionMail> daily(StaffContext<ConferencesOptions> context) {
        LocalDate tomorrow = context.today().plusDays(1);
        List<ActionMail> mails = new ArrayList<>();
        for (Round round : Planner.rounds(context.records())) {
            for (StoredRecord<Booking> record : Planner.taken(context.records(), round.id()).values()) {
                Booking b = record.value();
                if (b.blocked() || b.guardian() == null || !b.start().toLocalDate().equals(tomorrow)) {
                    continue;
                }
                try {
                    context.records().add(Planner.REMINDER, RecordKeys.none().key("reminder:" + b.uid() + ":" + b.start())
                            .keepUntil(round.keepUntil()), new Planner.Reminder(b.uid(), tomorrow));
                } catch (DuplicateKeyException sentAlready) {
                    continue;
                }
                LocalizedText when = Planner.when(b.start(), b.end());
                String where = round.teacher(b.teacher()).map(Round.TeacherPlan::where).orElse("");
                mails.add(ActionMail.toGuardian("conference-reminder", nl.ouderportaal.spi.GuardianId.of(b.guardian()),
                        "Morgen: oudergesprek " + b.childName() + " om " + b.start().toLocalTime(),
                        "Herinnering: morgen is het gesprek over " + b.childName() + " met " + b.teacherName() + ", " + when.nl()
                                + (where.isEmpty() ? "" : ", " + where) + ".\n\n---\n\nReminder: tomorrow is the conversation about "
                                + b.childName() + " with " + b.teacherName() + ", " + when.en() + (where.isEmpty() ? "" : ", " + where)
                                + ".\n"));
            }
        }
        return mails;
    }
}
