package nl.ouderportaal.modules.conferences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionMail;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.action.StaffTable;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GroupTeacher;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.GuardianWithLinks;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;

/**
 * An administrator's side of the planner (R-CONF-1, R-CONF-5): create a round, block a slot, close a
 * round, remind families who have not booked (behind a confirmation); the views {@code schedule} (per
 * teacher, to print or as xlsx) and {@code unbooked}. Thread-safe.
 */
final class StaffSide {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StaffSide() {
    }

    /**
     * The input of {@code create-round}. {@code groups}: group names or ids, separated by commas; {@code dates}:
     * ISO dates; {@code breaks}: ranges such as {@code 19:30-19:45}; {@code teacherWindows}: one line per
     * teacher whose evenings differ, {@code name or id: 2026-12-08 18:00-20:00; 2026-12-09 15:00-17:00}.
     */
    record NewRound(@NotBlank @Size(max = 80) String name, @NotBlank @Size(max = 200) String groups,
                    @NotBlank @Size(max = 300) String dates, @NotNull LocalTime from, @NotNull LocalTime until,
                    @NotNull @Min(5) @Max(60) Integer slotMinutes, @Size(max = 200) String breaks,
                    @Size(max = 100) String room, @Size(max = 300) String videoLink,
                    @NotNull LocalDate opensOn, @NotNull LocalTime opensAt, @NotNull LocalDate closesOn,
                    @NotNull LocalTime closesAt, LocalDate siblingsOn, LocalTime siblingsAt,
                    @Size(max = 4000) String teacherWindows) {
    }

    record SlotPick(@NotBlank @Size(max = 300) String slot) {
    }

    record RoundPick(@NotBlank @Size(max = 40) String round) {
    }

    record Remind(@NotBlank @Size(max = 40) String round, @Size(max = 64) String group, Boolean confirm) {
    }

    static List<StaffAction<ConferencesOptions, ?>> actions() {
        return List.of(new CreateRound(), new BlockSlot(), new CloseRound(), new RemindUnbooked());
    }

    static List<StaffView<ConferencesOptions>> views() {
        return List.of(new Schedule(), new Unbooked());
    }

    private static List<Choice> openRounds(StaffContext<ConferencesOptions> context) {
        return Planner.rounds(context.records()).stream().filter(r -> !r.closed())
                .map(r -> Choice.of(r.id(), r.name())).toList();
    }

    private static Round requireRound(StaffContext<ConferencesOptions> context, String id) {
        return Planner.round(context.records(), id).map(StoredRecord::value).orElseThrow(() ->
                InvalidInputException.of("round", "Deze ronde bestaat niet.", "There is no such round."));
    }

    private static LocalDateTime now(StaffContext<ConferencesOptions> context) {
        return LocalDateTime.ofInstant(context.now(), context.zone());
    }

    static final class CreateRound implements StaffAction<ConferencesOptions, NewRound> {
        @Override
        public Descriptor<NewRound> descriptor() {
            return new Descriptor<>("create-round", LocalizedText.of("Gespreksronde maken", "Create a round of conferences"),
                    NewRound.class, StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConferencesOptions> context) {
            return ActionForm.of(
                            FormField.of("name", FieldKind.TEXT, "Naam", "Name").asRequired().maxLength(80)
                                    .help("Bijvoorbeeld: Tienminutengesprekken december", "For instance: Parents' evening December"),
                            FormField.of("groups", FieldKind.TEXT, "Groepen", "Groups").asRequired().maxLength(200)
                                    .help("Namen of nummers, met komma's: Groep 5, Groep 7", "Names or ids, with commas: Groep 5, Groep 7"),
                            FormField.of("dates", FieldKind.TEXT, "Data", "Dates").asRequired().maxLength(300)
                                    .help("Met komma's: 2026-12-08, 2026-12-09", "With commas: 2026-12-08, 2026-12-09"),
                            FormField.of("from", FieldKind.TIME, "Van", "From").asRequired(),
                            FormField.of("until", FieldKind.TIME, "Tot", "Until").asRequired(),
                            FormField.of("slotMinutes", FieldKind.NUMBER, "Minuten per gesprek", "Minutes per conversation")
                                    .asRequired().min("5").max("60").preset("10"),
                            FormField.of("breaks", FieldKind.TEXT, "Pauzes", "Breaks").maxLength(200)
                                    .help("Bijvoorbeeld: 19:30-19:45", "For instance: 19:30-19:45"),
                            FormField.of("room", FieldKind.TEXT, "Lokaal", "Room").maxLength(100)
                                    .help("Leeg: het lokaal van de groep.", "Empty: the group's classroom."),
                            FormField.of("videoLink", FieldKind.TEXT, "Videolink (in plaats van een lokaal)", "Video link (instead of a room)")
                                    .maxLength(300),
                            FormField.of("opensOn", FieldKind.DATE, "Inschrijven vanaf (datum)", "Booking opens (date)").asRequired(),
                            FormField.of("opensAt", FieldKind.TIME, "Inschrijven vanaf (tijd)", "Booking opens (time)").asRequired(),
                            FormField.of("closesOn", FieldKind.DATE, "Inschrijven tot (datum)", "Booking closes (date)").asRequired(),
                            FormField.of("closesAt", FieldKind.TIME, "Inschrijven tot (tijd)", "Booking closes (time)").asRequired(),
                            FormField.of("siblingsOn", FieldKind.DATE, "Eerder voor gezinnen met meer kinderen (datum)",
                                    "Earlier for families with several children (date)"),
                            FormField.of("siblingsAt", FieldKind.TIME, "Eerder voor gezinnen met meer kinderen (tijd)",
                                    "Earlier for families with several children (time)"),
                            FormField.of("teacherWindows", FieldKind.LONG_TEXT, "Andere tijden per leerkracht", "Other times per teacher")
                                    .maxLength(4000).help("Eén regel per leerkracht: naam: 2026-12-08 18:00-20:00; 2026-12-09 15:00-17:00",
                                            "One line per teacher: name: 2026-12-08 18:00-20:00; 2026-12-09 15:00-17:00"))
                    .submit("Ronde maken", "Create round");
        }

        @Override
        public ActionOutcome run(StaffContext<ConferencesOptions> context, NewRound input) {
            Round round = build(context, input);
            try {
                context.records().add(Planner.ROUND, RecordKeys.none().key("round:" + round.id()).keepUntil(round.keepUntil()), round);
            } catch (DuplicateKeyException e) {
                throw new ActionConflictException("Er is al een ronde met deze naam.", "A round with this name exists already.");
            }
            int slots = round.teachers().stream().mapToInt(t -> round.slots(t).size()).sum();
            return ActionOutcome.created("De ronde " + round.name() + " is gemaakt: " + round.teachers().size() + " leerkrachten, "
                            + slots + " gesprekken.", "The round " + round.name() + " is created: " + round.teachers().size()
                            + " teachers, " + slots + " slots.")
                    .reference(round.id()).detail("round", round.id()).detail("slots", slots).audit("round " + round.id());
        }
    }

    /** A round from the form's input, every part checked and tied to its field. */
    static Round build(StaffContext<ConferencesOptions> context, NewRound in) {
        List<Group> groups = context.source(GroupSource.class).groups(context.school().id(), SchoolYear.containing(context.today()));
        List<Group> chosen = new ArrayList<>();
        for (String part : in.groups().split(",")) {
            String wanted = part.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            Group group = groups.stream().filter(g -> g.id().value().equalsIgnoreCase(wanted) || g.name().equalsIgnoreCase(wanted)
                    || g.name().equalsIgnoreCase("groep " + wanted)).findFirst().orElseThrow(() -> InvalidInputException.of("groups",
                    "Onbekende groep: " + wanted, "Unknown group: " + wanted));
            if (!chosen.contains(group)) {
                chosen.add(group);
            }
        }
        if (chosen.isEmpty()) {
            throw InvalidInputException.of("groups", "Noem minstens één groep.", "Name at least one group.");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String part : in.dates().split("[,;\\s]+")) {
            if (!part.isBlank()) {
                dates.add(date(part.strip(), "dates"));
            }
        }
        if (!in.from().isBefore(in.until())) {
            throw InvalidInputException.of("until", "De eindtijd ligt na de begintijd.", "The end comes after the start.");
        }
        List<Round.Pause> breaks = new ArrayList<>();
        if (in.breaks() != null) {
            Matcher m = RANGE.matcher(in.breaks());
            while (m.find()) {
                breaks.add(new Round.Pause(time(m.group(1), "breaks"), time(m.group(2), "breaks")));
            }
            if (breaks.isEmpty() && !in.breaks().isBlank()) {
                throw InvalidInputException.of("breaks", "Geef pauzes als 19:30-19:45.", "Give breaks as 19:30-19:45.");
            }
        }
        if (in.videoLink() != null && !in.videoLink().startsWith("https://")) {
            throw InvalidInputException.of("videoLink", "Een videolink begint met https://.", "A video link starts with https://.");
        }
        LocalDateTime opens = in.opensOn().atTime(in.opensAt());
        LocalDateTime closes = in.closesOn().atTime(in.closesAt());
        if (!opens.isBefore(closes)) {
            throw InvalidInputException.of("closesOn", "Het inschrijven sluit na het openen.", "Booking closes after it opens.");
        }
        LocalDateTime siblings = null;
        if (in.siblingsOn() != null) {
            siblings = in.siblingsOn().atTime(in.siblingsAt() == null ? in.opensAt() : in.siblingsAt());
            if (!siblings.isBefore(opens)) {
                throw InvalidInputException.of("siblingsOn", "De vroege inschrijving begint vóór de gewone.",
                        "The early booking starts before the ordinary one.");
            }
        }
        Map<String, List<Round.Window>> own = teacherWindows(in.teacherWindows());
        Map<String, Round.TeacherPlan> plans = new LinkedHashMap<>();
        for (Group group : chosen) {
            for (GroupTeacher teacher : group.teachers()) {
                String id = teacher.staffId().value();
                Round.TeacherPlan known = plans.get(id);
                List<String> ofGroups = new ArrayList<>(known == null ? List.of() : known.groups());
                ofGroups.add(group.id().value());
                String name = teacher.name().displayName();
                List<Round.Window> windows = own.containsKey(id.toLowerCase(Locale.ROOT)) ? own.get(id.toLowerCase(Locale.ROOT))
                        : own.containsKey(name.toLowerCase(Locale.ROOT)) ? own.get(name.toLowerCase(Locale.ROOT))
                        : dates.stream().map(d -> new Round.Window(d, in.from(), in.until())).toList();
                String room = in.room() != null && !in.room().isBlank() ? in.room() : known != null ? known.location() : group.classroom();
                plans.put(id, new Round.TeacherPlan(id, name, ofGroups, windows, in.videoLink() != null ? null : room, in.videoLink()));
            }
        }
        if (plans.isEmpty()) {
            throw InvalidInputException.of("groups", "Deze groepen hebben geen leerkracht.", "These groups have no teacher.");
        }
        if (plans.values().stream().allMatch(p -> p.windows().isEmpty())) {
            throw InvalidInputException.of("dates", "Geef minstens één datum.", "Give at least one date.");
        }
        Round draft = new Round("draft", in.name(), List.of(), List.copyOf(plans.values()), in.slotMinutes(), breaks, opens, closes,
                siblings, false);
        if (draft.teachers().stream().allMatch(t -> draft.slots(t).isEmpty())) {
            throw InvalidInputException.of("until", "Er past geen gesprek in deze tijden.", "No conversation fits in these times.");
        }
        String id = in.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        id = id.isEmpty() ? "ronde" : id.length() > 40 ? id.substring(0, 40).replaceAll("-+$", "") : id;
        return new Round(id, in.name(), chosen.stream().map(g -> g.id().value()).toList(), List.copyOf(plans.values()),
                in.slotMinutes(), breaks, opens, closes, siblings, false);
    }

    private static Map<String, List<Round.Window>> teacherWindows(String text) {
        Map<String, List<Round.Window>> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            Matcher date = DATE.matcher(line);
            if (colon <= 0 || !date.find() || date.start() < colon) {
                throw InvalidInputException.of("teacherWindows", "Schrijf: naam: 2026-12-08 18:00-20:00", "Write: name: 2026-12-08 18:00-20:00");
            }
            List<Round.Window> windows = new ArrayList<>();
            for (String part : line.substring(colon + 1).split(";")) {
                Matcher d = DATE.matcher(part);
                Matcher r = RANGE.matcher(part);
                if (!d.find() || !r.find()) {
                    throw InvalidInputException.of("teacherWindows", "Schrijf: naam: 2026-12-08 18:00-20:00", "Write: name: 2026-12-08 18:00-20:00");
                }
                windows.add(new Round.Window(date(d.group(), "teacherWindows"), time(r.group(1), "teacherWindows"),
                        time(r.group(2), "teacherWindows")));
            }
            result.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), windows);
        }
        return result;
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "Geen datum zoals 2026-12-08: " + text, "Not a date such as 2026-12-08: " + text);
        }
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "Geen tijd zoals 19:30: " + text, "Not a time such as 19:30: " + text);
        }
    }

    static final class BlockSlot implements StaffAction<ConferencesOptions, SlotPick> {
        @Override
        public Descriptor<SlotPick> descriptor() {
            return new Descriptor<>("block-slot", LocalizedText.of("Tijd blokkeren", "Block a slot"), SlotPick.class, StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConferencesOptions> context) {
            List<Choice> free = new ArrayList<>();
            LocalDateTime now = now(context);
            for (Round round : Planner.rounds(context.records())) {
                if (round.closed()) {
                    continue;
                }
                Map<String, StoredRecord<Booking>> taken = Planner.taken(context.records(), round.id());
                for (Round.TeacherPlan plan : round.teachers()) {
                    for (Slot slot : Planner.free(round, plan, taken, now)) {
                        LocalizedText when = Planner.when(slot.start(), slot.end());
                        free.add(Choice.of(slot.id(), round.name() + " · " + plan.name() + " · " + when.nl(),
                                round.name() + " · " + plan.name() + " · " + when.en()));
                    }
                }
            }
            return ActionForm.of(FormField.of("slot", FieldKind.CHOICE, "Vrije tijd", "Free slot").asRequired().choices(free))
                    .submit("Blokkeren", "Block");
        }

        @Override
        public ActionOutcome run(StaffContext<ConferencesOptions> context, SlotPick input) {
            Slot.Parsed parsed = Slot.parse(input.slot()).orElseThrow();
            Round round = requireRound(context, parsed.round());
            Round.TeacherPlan plan = round.teacher(parsed.teacher()).orElseThrow();
            Slot slot = round.slots(plan).stream().filter(s -> s.start().equals(parsed.start())).findFirst().orElseThrow();
            try {
                context.records().add(Planner.SLOT, RecordKeys.none().key(slot.key()).keepUntil(round.keepUntil()),
                        new Booking(round.id(), plan.staffId(), plan.name(), slot.start(), slot.end(), null, null, null,
                                context.staff().name(), true, null, 0));
            } catch (DuplicateKeyException e) {
                throw new ActionConflictException("Deze tijd is intussen geboekt.", "This slot has just been booked.");
            }
            return ActionOutcome.done("Geblokkeerd: " + plan.name() + ", " + Planner.when(slot.start(), slot.end()).nl() + ".",
                    "Blocked: " + plan.name() + ", " + Planner.when(slot.start(), slot.end()).en() + ".").audit("blocked " + slot.key());
        }
    }

    static final class CloseRound implements StaffAction<ConferencesOptions, RoundPick> {
        @Override
        public Descriptor<RoundPick> descriptor() {
            return new Descriptor<>("close-round", LocalizedText.of("Ronde sluiten", "Close a round"), RoundPick.class, StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConferencesOptions> context) {
            return ActionForm.of(FormField.of("round", FieldKind.CHOICE, "Ronde", "Round").asRequired().choices(openRounds(context)))
                    .intro("Na het sluiten kunnen ouders niet meer plannen, verzetten of afzeggen.",
                            "Once closed, parents can no longer book, move or cancel.")
                    .submit("Sluiten", "Close");
        }

        @Override
        public ActionOutcome run(StaffContext<ConferencesOptions> context, RoundPick input) {
            StoredRecord<Round> round = Planner.round(context.records(), input.round()).orElseThrow();
            context.records().update(round, round.value().close());
            return ActionOutcome.done("De ronde " + round.value().name() + " is gesloten.", "The round " + round.value().name()
                    + " is closed.").audit("closed " + round.value().id());
        }
    }

    /** A child of the round with the teachers it has no conversation with yet. */
    record Unplanned(Student child, Group group, List<Round.TeacherPlan> missing, List<GuardianLink> guardians) {
    }

    static List<Unplanned> unplanned(StaffContext<ConferencesOptions> context, Round round, String groupId) {
        List<GuardianWithLinks> guardians = context.source(GuardianSource.class).guardiansOfSchool(context.school().id());
        Set<StudentId> children = new LinkedHashSet<>();
        guardians.forEach(g -> g.links().stream().filter(GuardianLink::viewingRight).forEach(l -> children.add(l.studentId())));
        Map<StudentId, Group> groups = context.source(GroupSource.class).groupsOfStudents(children, SchoolYear.containing(context.today()));
        Map<String, StoredRecord<Booking>> taken = Planner.taken(context.records(), round.id());
        List<StudentId> inRound = children.stream().filter(c -> groups.get(c) != null && round.groups().contains(groups.get(c).id().value())
                && (groupId == null || groupId.isBlank() || groups.get(c).id().value().equals(groupId))).toList();
        Map<StudentId, Student> students = new LinkedHashMap<>();
        context.source(StudentSource.class).students(inRound).forEach(s -> students.put(s.id(), s));
        List<Unplanned> result = new ArrayList<>();
        for (StudentId id : inRound) {
            Group group = groups.get(id);
            List<Round.TeacherPlan> missing = round.teachers().stream().filter(t -> t.groups().contains(group.id().value()))
                    .filter(t -> taken.values().stream().noneMatch(b -> !b.value().blocked() && b.value().teacher().equals(t.staffId())
                            && id.value().equals(b.value().child()))).toList();
            if (!missing.isEmpty() && students.containsKey(id)) {
                List<GuardianLink> links = guardians.stream().flatMap(g -> g.links().stream())
                        .filter(l -> l.studentId().equals(id) && l.viewingRight()).toList();
                result.add(new Unplanned(students.get(id), group, missing, links));
            }
        }
        result.sort(Comparator.comparing((Unplanned u) -> u.group().name()).thenComparing(u -> u.child().name().sortName()));
        return result;
    }

    static final class RemindUnbooked implements StaffAction<ConferencesOptions, Remind> {
        @Override
        public Descriptor<Remind> descriptor() {
            return new Descriptor<>("remind", LocalizedText.of("Herinnering sturen aan wie nog niet plande",
                    "Remind families who have not booked"), Remind.class, StaffActor.Role.ADMIN);
        }

        @Override
        public ActionForm form(StaffContext<ConferencesOptions> context) {
            List<Group> groups = context.source(GroupSource.class).groups(context.school().id(), SchoolYear.containing(context.today()));
            return ActionForm.of(FormField.of("round", FieldKind.CHOICE, "Ronde", "Round").asRequired().choices(openRounds(context)),
                            FormField.of("group", FieldKind.CHOICE, "Groep (leeg: alle groepen van de ronde)", "Group (empty: every group of the round)")
                                    .choices(groups.stream().map(g -> Choice.of(g.id().value(), g.name())).toList()),
                            FormField.of("confirm", FieldKind.CHECKBOX, "Ik bevestig: verstuur de herinneringen nu",
                                    "I confirm: send the reminders now")
                                    .help("Zonder vinkje ziet u eerst hoeveel ouders een e-mail krijgen.",
                                            "Without the tick you first see how many parents would get a mail."))
                    .submit("Herinneren", "Remind");
        }

        @Override
        public ActionOutcome run(StaffContext<ConferencesOptions> context, Remind input) {
            Round round = requireRound(context, input.round());
            if (Planner.closedFor(round, now(context))) {
                throw new ActionConflictException("De inschrijving voor deze ronde is gesloten.", "Booking for this round has closed.");
            }
            List<Unplanned> open = unplanned(context, round, input.group());
            Set<String> parents = new LinkedHashSet<>();
            open.forEach(u -> u.guardians().forEach(l -> parents.add(l.guardianId().value())));
            if (!Boolean.TRUE.equals(input.confirm())) {
                return ActionOutcome.done(open.size() + " kinderen zonder (volledige) planning; " + parents.size()
                                + " ouders krijgen een herinnering (als ze een account hebben). Vink 'Ik bevestig' aan om te versturen.",
                                open.size() + " children not (fully) booked; " + parents.size()
                                + " parents would get a reminder (if they have an account). Tick 'I confirm' to send.")
                        .detail("confirmed", false).detail("children", open.size()).detail("wouldMail", parents.size());
            }
            ActionOutcome outcome = ActionOutcome.done("Herinnering verstuurd aan " + parents.size() + " ouders (met een account).",
                            "Reminder sent to " + parents.size() + " parents (with an account).")
                    .detail("confirmed", true).detail("children", open.size()).detail("mailed", parents.size())
                    .audit("reminded " + parents.size() + " guardians for " + round.id());
            LocalizedText closes = Planner.at(round.bookingCloses());
            for (String parent : parents) {
                outcome = outcome.mail(ActionMail.toGuardian("conference-booking-reminder", nl.ouderportaal.spi.GuardianId.of(parent),
                        "Plan uw oudergesprek: " + round.name(),
                        "Voor " + round.name() + " heeft u nog niet met elke leerkracht een gesprek gepland. Dat kan in het ouderportaal"
                                + " tot " + closes.nl() + ".\n\n---\n\nYou have not yet booked a conversation with every teacher for "
                                + round.name() + ". You can do so in the parent portal until " + closes.en() + ".\n"));
            }
            return outcome;
        }
    }

    static final class Schedule implements StaffView<ConferencesOptions> {
        @Override
        public Descriptor descriptor() {
            return new Descriptor("schedule", LocalizedText.of("Gespreksrooster per leerkracht", "Schedule per teacher"),
                    StaffActor.Role.ADMIN, List.of("round", "teacher"));
        }

        @Override
        public StaffTable table(StaffContext<ConferencesOptions> context) {
            Optional<Round> round = chosen(context);
            List<LocalizedText> headers = List.of(LocalizedText.of("Leerkracht", "Teacher"), LocalizedText.of("Datum", "Date"),
                    LocalizedText.of("Tijd", "Time"), LocalizedText.of("Waar", "Where"), LocalizedText.of("Kind", "Child"),
                    LocalizedText.of("Groep", "Group"), LocalizedText.of("Gepland door", "Booked by"));
            if (round.isEmpty()) {
                return new StaffTable(descriptor().name(), headers, List.of(), LocalizedText.of("Er is nog geen ronde.", "There is no round yet."));
            }
            Round r = round.get();
            String teacher = context.parameters().get("teacher");
            Map<String, StoredRecord<Booking>> taken = Planner.taken(context.records(), r.id());
            // A printed schedule names groups as the school does ("Groep 5"), not by the host's ids.
            Map<String, String> groupNames = new java.util.HashMap<>();
            context.source(GroupSource.class).groups(context.school().id(), SchoolYear.containing(context.today()))
                    .forEach(g -> groupNames.put(g.id().value(), g.name()));
            List<List<String>> rows = new ArrayList<>();
            for (Round.TeacherPlan plan : r.teachers()) {
                if (teacher != null && !teacher.isBlank() && !teacher.equals(plan.staffId())) {
                    continue;
                }
                for (Slot slot : r.slots(plan)) {
                    StoredRecord<Booking> b = taken.get(slot.key());
                    String child = b == null ? "vrij / free" : b.value().blocked() ? "geblokkeerd / blocked" : b.value().childName();
                    rows.add(List.of(plan.name(), slot.start().toLocalDate().toString(),
                            slot.start().toLocalTime() + "–" + slot.end().toLocalTime(), plan.where(), child,
                            plan.groups().stream().map(g -> groupNames.getOrDefault(g, g)).collect(java.util.stream.Collectors.joining(", ")), b == null || b.value().blocked() ? "" : b.value().bookedBy()));
                }
            }
            return new StaffTable(LocalizedText.of("Gespreksrooster " + r.name(), "Schedule " + r.name()), headers, rows,
                    r.closed() ? LocalizedText.of("Deze ronde is gesloten.", "This round is closed.") : null);
        }
    }

    /** The round named by the {@code round} parameter, else the newest open one, else the newest. */
    static Optional<Round> chosen(StaffContext<ConferencesOptions> context) {
        String id = context.parameters().get("round");
        List<Round> rounds = Planner.rounds(context.records());
        if (id != null && !id.isBlank()) {
            return rounds.stream().filter(r -> r.id().equals(id)).findFirst();
        }
        return rounds.stream().filter(r -> !r.closed()).reduce((a, b) -> b).or(() -> rounds.stream().reduce((a, b) -> b));
    }

    static final class Unbooked implements StaffView<ConferencesOptions> {
        @Override
        public Descriptor descriptor() {
            return new Descriptor("unbooked", LocalizedText.of("Nog niet gepland", "Not booked yet"), StaffActor.Role.ADMIN,
                    List.of("round", "group"));
        }

        @Override
        public StaffTable table(StaffContext<ConferencesOptions> context) {
            List<LocalizedText> headers = List.of(LocalizedText.of("Groep", "Group"), LocalizedText.of("Kind", "Child"),
                    LocalizedText.of("Nog geen gesprek met", "No conversation yet with"), LocalizedText.of("Ouders met kijkrecht", "Guardians with viewing right"));
            Optional<Round> round = chosen(context);
            if (round.isEmpty()) {
                return new StaffTable(descriptor().name(), headers, List.of(), LocalizedText.of("Er is nog geen ronde.", "There is no round yet."));
            }
            List<List<String>> rows = unplanned(context, round.get(), context.parameters().get("group")).stream()
                    .map(u -> List.of(u.group().name(), u.child().name().sortName(),
                            String.join(", ", u.missing().stream().map(Round.TeacherPlan::name).toList()),
                            String.valueOf(u.guardians().size()))).toList();
            return new StaffTable(LocalizedText.of("Nog niet gepland: " + round.get().name(), "Not booked yet: " + round.get().name()),
                    headers, rows, LocalizedText.of("Een herinnering sturen: de actie 'Herinnering sturen'.",
                    "To send a reminder: the action 'Remind families who have not booked'."));
        }
    }
}
