package nl.ouderportaal.modules.conferences;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ModuleContext;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.spi.record.RecordKind;
import nl.ouderportaal.spi.record.StoredRecord;

/** What the planner reads: rounds, taken slots, free slots and the words for them. Pure over its inputs. */
final class Planner {

    static final RecordKind<Round> ROUND = RecordKind.of("round", Round.class);
    /** A taken slot (a booking or a blocked slot); its key is {@link Slot#key()}: one per slot. */
    static final RecordKind<Booking> SLOT = RecordKind.of("slot", Booking.class);
    /** One booking per child (or guardian) per teacher per round; its key says whose. */
    static final RecordKind<Claim> CLAIM = RecordKind.of("claim", Claim.class);
    /** A reminder sent; its key makes "the day before" happen once, on any number of nodes. */
    static final RecordKind<Reminder> REMINDER = RecordKind.of("reminder", Reminder.class);

    /** Slots of another teacher at most this far from a sibling's conversation count as back to back. */
    static final Duration BACK_TO_BACK = Duration.ofMinutes(10);

    record Claim(String round, String teacher, String slotKey) {
    }

    record Reminder(String uid, java.time.LocalDate day) {
    }

    private static final DateTimeFormatter DAY_NL = DateTimeFormatter.ofPattern("EEEE d MMMM", LocalizedText.DUTCH);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Planner() {
    }

    static List<Round> rounds(ModuleRecords records) {
        return records.all(ROUND).stream().map(StoredRecord::value).toList();
    }

    static Optional<StoredRecord<Round>> round(ModuleRecords records, String id) {
        return records.byKey(ROUND, "round:" + id);
    }

    /** The taken slots of a round, by slot key. */
    static Map<String, StoredRecord<Booking>> taken(ModuleRecords records, String round) {
        Map<String, StoredRecord<Booking>> taken = new LinkedHashMap<>();
        for (StoredRecord<Booking> r : records.all(SLOT)) {
            if (r.value().round().equals(round)) {
                taken.put(r.keys().key(), r);
            }
        }
        return taken;
    }

    static Optional<Group> groupOf(ModuleContext<?> context, StudentId child) {
        return Optional.ofNullable(context.source(GroupSource.class)
                .groupsOfStudents(List.of(child), SchoolYear.containing(context.today())).get(child));
    }

    /** The rounds a child takes part in that are not over: not closed, and its last evening not past. */
    static List<Round> roundsOf(ModuleContext<?> context, ModuleRecords records, Student child) {
        Optional<Group> group = groupOf(context, child.id());
        if (group.isEmpty()) {
            return List.of();
        }
        String id = group.get().id().value();
        return rounds(records).stream().filter(r -> r.groups().contains(id) && !r.lastDay().isBefore(context.today()))
                .sorted(Comparator.comparing(Round::bookingOpens)).toList();
    }

    /** The teachers of a round a child talks to: those of the child's group. */
    static List<Round.TeacherPlan> teachersOf(ModuleContext<?> context, Round round, Student child) {
        String group = groupOf(context, child.id()).map(g -> g.id().value()).orElse(null);
        return round.teachers().stream().filter(t -> t.groups().contains(group)).toList();
    }

    /** The family's children (visible to the guardian) in the round, this child included. */
    static List<Student> familyInRound(ModuleContext<?> context, Round round, List<Student> visible, Student child) {
        Set<StudentId> ids = visible.stream().filter(s -> s.schoolId().equals(child.schoolId())).map(Student::id)
                .collect(Collectors.toSet());
        ids.add(child.id());
        Map<StudentId, Group> groups = context.source(GroupSource.class).groupsOfStudents(ids, SchoolYear.containing(context.today()));
        List<Student> family = new ArrayList<>();
        family.add(child);
        visible.stream().filter(s -> !s.id().equals(child.id()) && groups.get(s.id()) != null
                && round.groups().contains(groups.get(s.id()).id().value())).forEach(family::add);
        return family;
    }

    /** When this family may start booking: earlier for several children in the round, when the round says so. */
    static LocalDateTime opensFor(Round round, int childrenInRound) {
        return round.siblingsOpen() != null && childrenInRound > 1 && round.siblingsOpen().isBefore(round.bookingOpens())
                ? round.siblingsOpen() : round.bookingOpens();
    }

    static boolean closedFor(Round round, LocalDateTime now) {
        return round.closed() || !now.isBefore(round.bookingCloses());
    }

    /** A teacher's free slots from now on: not booked, not blocked, not begun. */
    static List<Slot> free(Round round, Round.TeacherPlan plan, Map<String, StoredRecord<Booking>> taken, LocalDateTime now) {
        return round.slots(plan).stream().filter(s -> !taken.containsKey(s.key()) && s.start().isAfter(now)).toList();
    }

    /** Whether a slot lies back to back with another conversation (another teacher, the same evening). */
    static boolean backToBack(Slot slot, Booking other) {
        if (other.teacher().equals(slot.teacher()) || !other.start().toLocalDate().equals(slot.start().toLocalDate())) {
            return false;
        }
        Duration after = Duration.between(other.end(), slot.start());
        Duration before = Duration.between(slot.end(), other.start());
        return (!after.isNegative() && after.compareTo(BACK_TO_BACK) <= 0)
                || (!before.isNegative() && before.compareTo(BACK_TO_BACK) <= 0);
    }

    /** The time between a slot and another conversation, either way round. */
    static Duration gap(Slot slot, Booking other) {
        return slot.start().isBefore(other.start()) ? Duration.between(slot.end(), other.start()).abs()
                : Duration.between(other.end(), slot.start()).abs();
    }

    /** The free slots nearest to the one wanted (the same teacher first, then by distance in time). */
    static List<Slot> nearest(Round round, Round.TeacherPlan plan, LocalDateTime wanted, Map<String, StoredRecord<Booking>> taken,
                              LocalDateTime now, int count) {
        return free(round, plan, taken, now).stream()
                .sorted(Comparator.comparing((Slot s) -> Duration.between(wanted, s.start()).abs()).thenComparing(Slot::start))
                .limit(count).toList();
    }

    static LocalizedText when(LocalDateTime start, LocalDateTime end) {
        return LocalizedText.of(DAY_NL.format(start) + " " + TIME.format(start) + "–" + TIME.format(end),
                DAY_EN.format(start) + " " + TIME.format(start) + "–" + TIME.format(end));
    }

    static LocalizedText at(LocalDateTime moment) {
        return LocalizedText.of(DAY_NL.format(moment) + " " + TIME.format(moment), DAY_EN.format(moment) + " " + TIME.format(moment));
    }

    static Map<String, Object> describe(Slot slot, Round.TeacherPlan plan) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("slot", slot.id());
        d.put("start", slot.start().toString());
        d.put("end", slot.end().toString());
        d.put("teacher", plan.name());
        d.put("label", when(slot.start(), slot.end()).nl() + " · " + plan.name());
        return d;
    }
}
