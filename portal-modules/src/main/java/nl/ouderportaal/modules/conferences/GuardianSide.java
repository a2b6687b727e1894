package nl.ouderportaal.modules.conferences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionDescriptor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionMail;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.Availability;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.record.ModuleRecords;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;

/**
 * The guardian's actions of the conference planner (R-CONF-2, R-CONF-3): {@code book}, {@code move} and
 * {@code cancel}, for a child, while the child's round is open. The slot field is a text field whose
 * choices are the free slots now: a slot taken between the page and the click is then the module's own
 * 409 with the nearest free slots, not a form error. Thread-safe.
 */
final class GuardianSide {

    static final String BOOK = "book";
    static final String MOVE = "move";
    static final String CANCEL = "cancel";

    /** The input of {@code book} and {@code move}: a slot id as the form offers it. */
    record SlotChoice(@NotBlank @Size(max = 300) String slot) {
    }

    /** The input of {@code cancel}: the slot id of one of the child's bookings. */
    record Cancellation(@NotBlank @Size(max = 300) String booking) {
    }

    private GuardianSide() {
    }

    static List<GuardianAction<ConferencesOptions, ?>> actions() {
        return List.of(new Book(), new Move(), new Cancel());
    }

    /** The round a child books in now, with what the family has and may do in it. */
    record Situation(Round round, Student child, List<Student> family, List<Round.TeacherPlan> teachers,
                     Map<String, StoredRecord<Booking>> taken, List<StoredRecord<Booking>> mine, LocalDateTime now,
                     LocalDateTime opens) {

        boolean open() {
            return !now.isBefore(opens) && !Planner.closedFor(round, now);
        }

        List<Round.TeacherPlan> toBook() {
            return teachers.stream().filter(t -> mine.stream().noneMatch(b -> b.value().teacher().equals(t.staffId()))).toList();
        }

        /** The family's other children's conversations in this round. */
        List<Booking> siblings() {
            return taken.values().stream().map(StoredRecord::value).filter(b -> !b.blocked() && !b.child().equals(child.id().value())
                    && family.stream().anyMatch(s -> s.id().value().equals(b.child()))).toList();
        }

        /** Free slots of these teachers, back to back with a sibling's conversation first, then in time order. */
        List<Choice> choices(List<Round.TeacherPlan> plans) {
            List<Booking> siblings = siblings();
            record Offer(Slot slot, Round.TeacherPlan plan, Booking next, long gap) {
            }
            List<Offer> offers = new ArrayList<>();
            for (Round.TeacherPlan plan : plans) {
                for (Slot slot : Planner.free(round, plan, taken, now)) {
                    Booking next = siblings.stream().filter(b -> Planner.backToBack(slot, b))
                            .min(Comparator.comparing(b -> Planner.gap(slot, b))).orElse(null);
                    offers.add(new Offer(slot, plan, next, next == null ? 0 : Planner.gap(slot, next).toMinutes()));
                }
            }
            // Directly adjacent first, then a few minutes apart, then every other free slot in time order.
            offers.sort(Comparator.comparing((Offer o) -> o.next() == null).thenComparingLong(Offer::gap).thenComparing(o -> o.slot().start())
                    .thenComparing(o -> o.plan().name()));
            return offers.stream().map(o -> {
                LocalizedText when = Planner.when(o.slot().start(), o.slot().end());
                String nl = when.nl() + " · " + o.plan().name();
                String en = when.en() + " · " + o.plan().name();
                if (o.next() != null) {
                    nl += " (aansluitend op het gesprek van " + o.next().childName() + ")";
                    en += " (back to back with " + o.next().childName() + "'s conversation)";
                }
                return Choice.of(o.slot().id(), nl, en);
            }).toList();
        }
    }

    static Optional<Situation> situation(ActionContext<ConferencesOptions> context) {
        Student child = context.requireChild();
        ModuleRecords records = context.records();
        List<Round> rounds = Planner.roundsOf(context, records, child);
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(context.now(), context.zone());
        // The first round still open for booking, else the first one (to say when it opens or that it closed).
        Round round = rounds.stream().filter(r -> !Planner.closedFor(r, now)).findFirst().orElse(rounds.get(0));
        List<Student> family = Planner.familyInRound(context, round, context.visibleChildren(), child);
        Map<String, StoredRecord<Booking>> taken = Planner.taken(records, round.id());
        boolean perGuardian = context.options().bookingPerGuardian();
        List<StoredRecord<Booking>> mine = taken.values().stream().filter(b -> !b.value().blocked()
                        && b.value().child().equals(child.id().value())
                        && (!perGuardian || context.guardian().id().value().equals(b.value().guardian())))
                .sorted(Comparator.comparing(b -> b.value().start())).toList();
        return Optional.of(new Situation(round, child, family, Planner.teachersOf(context, round, child), taken, mine, now,
                Planner.opensFor(round, family.size())));
    }

    private static Availability whyNot(Optional<Situation> found) {
        if (found.isEmpty()) {
            return Availability.unavailable("Er zijn nu geen gesprekken om in te plannen.", "There are no conferences to book now.");
        }
        Situation s = found.get();
        if (Planner.closedFor(s.round(), s.now())) {
            return Availability.unavailable("De inschrijving voor " + s.round().name() + " is gesloten.",
                    "Booking for " + s.round().name() + " has closed.");
        }
        if (s.now().isBefore(s.opens())) {
            LocalizedText at = Planner.at(s.opens());
            return Availability.unavailable("Inschrijven voor " + s.round().name() + " kan vanaf " + at.nl() + ".",
                    "Booking for " + s.round().name() + " opens on " + at.en() + ".");
        }
        return null;
    }

    static String claimKey(ActionContext<ConferencesOptions> context, Round round, String teacher) {
        String child = context.requireChild().id().value();
        return context.options().bookingPerGuardian()
                ? "guardian:" + round.id() + ":" + teacher + ":" + child + ":" + context.guardian().id().value()
                : "child:" + round.id() + ":" + teacher + ":" + child;
    }

    /** The slot chosen, checked: a real slot of one of the child's teachers in the round, not begun. */
    private static Slot requireSlot(Situation s, String id, List<Round.TeacherPlan> allowed) {
        Optional<Slot> slot = Slot.parse(id).filter(p -> p.round().equals(s.round().id()))
                .flatMap(p -> allowed.stream().filter(t -> t.staffId().equals(p.teacher())).findFirst()
                        .flatMap(plan -> s.round().slots(plan).stream().filter(x -> x.start().equals(p.start())).findFirst()))
                .filter(x -> x.start().isAfter(s.now()));
        return slot.orElseThrow(() -> InvalidInputException.of("slot", "Kies een van de vrije tijden.", "Choose one of the free times."));
    }

    /** Takes a slot for the booking, or says who was first and which free slots are nearest (409). */
    private static StoredRecord<Booking> take(ActionContext<ConferencesOptions> context, Situation s, Slot slot, Booking booking) {
        try {
            return context.records().add(Planner.SLOT, RecordKeys.child(context.requireChild().id())
                    .guardian(context.guardian().id()).key(slot.key()).keepUntil(s.round().keepUntil()), booking);
        } catch (DuplicateKeyException taken) {
            Round.TeacherPlan plan = s.round().teacher(slot.teacher()).orElseThrow();
            List<Map<String, Object>> nearest = Planner.nearest(s.round(), plan, slot.start(),
                            Planner.taken(context.records(), s.round().id()), s.now(), 3).stream()
                    .map(x -> Planner.describe(x, plan)).toList();
            String list = nearest.isEmpty() ? "" : " " + String.join("; ", nearest.stream().map(n -> (String) n.get("label")).toList()) + ".";
            throw new ActionConflictException(LocalizedText.of(
                    "Dit tijdstip is net door een ander gezin gekozen." + (nearest.isEmpty() ? " Er zijn geen vrije tijden meer bij deze leerkracht."
                            : " Het dichtstbij nog vrij:" + list),
                    "Another family has just taken this time." + (nearest.isEmpty() ? " This teacher has no free times left."
                            : " Nearest free times:" + list)), Map.of("nearestFreeSlots", nearest));
        }
    }

    private static String summary(Booking booking) {
        return "Oudergesprek " + booking.childName() + " – " + booking.teacherName();
    }

    static ActionMail confirmation(ActionContext<ConferencesOptions> context, Round round, Round.TeacherPlan plan, Booking booking,
                                   String kind) {
        LocalizedText when = Planner.when(booking.start(), booking.end());
        boolean moved = booking.sequence() > 0;
        String subject = (moved ? "Gesprek verzet: " : "Gesprek gepland: ") + booking.childName() + ", " + when.nl();
        String text = (moved ? "Het gesprek is verzet." : "Het gesprek is gepland.") + "\n\n"
                + round.name() + "\nKind: " + booking.childName() + "\nLeerkracht: " + plan.name() + "\nWanneer: " + when.nl()
                + "\nWaar: " + plan.where() + "\n\nIn de bijlage staat de afspraak voor uw agenda. Verzetten of afzeggen kan in het"
                + " ouderportaal zolang de inschrijving open is.\n\n---\n\n"
                + (moved ? "The conversation has been moved." : "The conversation has been booked.") + "\n\n"
                + round.name() + "\nChild: " + booking.childName() + "\nTeacher: " + plan.name() + "\nWhen: " + when.en()
                + "\nWhere: " + plan.where() + "\n\nThe attachment holds the appointment for your calendar. You can move or cancel it"
                + " in the parent portal while booking is open.\n";
        return ActionMail.toActor(kind, subject, text).withAttachment(Invites.request(booking, plan, summary(booking),
                context.school().name(), context.school().email(), context.zone(), context.now()));
    }

    static final class Book implements GuardianAction<ConferencesOptions, SlotChoice> {
        @Override
        public ActionDescriptor<SlotChoice> descriptor() {
            return ActionDescriptor.forChild(BOOK, "Gesprek plannen", "Book a conversation", SlotChoice.class);
        }

        @Override
        public Availability availability(ActionContext<ConferencesOptions> context) {
            Optional<Situation> s = situation(context);
            Availability not = whyNot(s);
            if (not != null) {
                return not;
            }
            if (s.get().teachers().isEmpty()) {
                return Availability.unavailable("Voor de groep van uw kind staan geen gesprekken klaar.",
                        "There are no conversations for your child's group.");
            }
            if (s.get().toBook().isEmpty()) {
                return Availability.unavailable("U heeft met elke leerkracht een gesprek gepland. Verzetten of afzeggen kan hieronder.",
                        "You have a conversation with every teacher. You can move or cancel it below.");
            }
            return Availability.yes();
        }

        @Override
        public ActionForm form(ActionContext<ConferencesOptions> context) {
            List<Choice> choices = situation(context).filter(Situation::open).map(s -> s.choices(s.toBook())).orElse(List.of());
            return ActionForm.of(FormField.of("slot", FieldKind.TEXT, "Tijd en leerkracht", "Time and teacher").asRequired()
                            .maxLength(300).choices(choices)
                            .help("Alleen vrije tijden. Aansluitend op het gesprek van een broer of zus staat bovenaan.",
                                    "Free times only. Back to back with a brother's or sister's conversation comes first."))
                    .submit("Gesprek plannen", "Book");
        }

        @Override
        public ActionOutcome run(ActionContext<ConferencesOptions> context, SlotChoice input) {
            Situation s = situation(context).filter(Situation::open).orElseThrow(() ->
                    new ActionConflictException("De inschrijving is niet open.", "Booking is not open."));
            Slot slot = requireSlot(s, input.slot(), s.teachers());
            Round.TeacherPlan plan = s.round().teacher(slot.teacher()).orElseThrow();
            Student child = context.requireChild();
            try {
                context.records().add(Planner.CLAIM, RecordKeys.child(child.id()).guardian(context.guardian().id())
                        .key(claimKey(context, s.round(), plan.staffId())).keepUntil(s.round().keepUntil()),
                        new Planner.Claim(s.round().id(), plan.staffId(), slot.key()));
            } catch (DuplicateKeyException already) {
                throw new ActionConflictException("Er is al een gesprek met " + plan.name() + " gepland. Verzet het als u een andere tijd wilt.",
                        "A conversation with " + plan.name() + " is booked already. Move it for another time.");
            }
            Booking booking = new Booking(s.round().id(), plan.staffId(), plan.name(), slot.start(), slot.end(), child.id().value(),
                    child.name().displayName(), context.guardian().id().value(), context.guardian().name().displayName(), false,
                    "conf-" + UUID.randomUUID() + "@ouderportaal", 0);
            take(context, s, slot, booking);
            LocalizedText when = Planner.when(slot.start(), slot.end());
            return ActionOutcome.created("Het gesprek met " + plan.name() + " is gepland: " + when.nl() + ". U krijgt een bevestiging per e-mail.",
                            "The conversation with " + plan.name() + " is booked: " + when.en() + ". A confirmation is on its way.")
                    .reference(slot.id()).detail("slot", Planner.describe(slot, plan)).detail("uid", booking.uid())
                    .mail(confirmation(context, s.round(), plan, booking, "conference-booked"))
                    .audit("booked " + slot.key());
        }
    }

    static final class Move implements GuardianAction<ConferencesOptions, SlotChoice> {
        @Override
        public ActionDescriptor<SlotChoice> descriptor() {
            return ActionDescriptor.forChild(MOVE, "Gesprek verzetten", "Move a conversation", SlotChoice.class);
        }

        @Override
        public Availability availability(ActionContext<ConferencesOptions> context) {
            Optional<Situation> s = situation(context);
            // Without a booking there is nothing to offer: a notice beside the booking's own would only repeat it.
            if (s.isEmpty() || s.get().mine().isEmpty()) {
                return Availability.notOffered();
            }
            Availability not = whyNot(s);
            return not != null ? not : Availability.yes();
        }

        @Override
        public ActionForm form(ActionContext<ConferencesOptions> context) {
            List<Choice> choices = situation(context).filter(Situation::open).map(s -> s.choices(s.teachers().stream()
                    .filter(t -> s.mine().stream().anyMatch(b -> b.value().teacher().equals(t.staffId()))).toList())).orElse(List.of());
            return ActionForm.of(FormField.of("slot", FieldKind.TEXT, "Nieuwe tijd", "New time").asRequired().maxLength(300)
                            .choices(choices).help("Het gesprek met dezelfde leerkracht gaat naar deze tijd.",
                                    "The conversation with the same teacher moves to this time."))
                    .submit("Verzetten", "Move");
        }

        @Override
        public ActionOutcome run(ActionContext<ConferencesOptions> context, SlotChoice input) {
            Situation s = situation(context).filter(Situation::open).orElseThrow(() ->
                    new ActionConflictException("De inschrijving is niet open.", "Booking is not open."));
            Slot slot = requireSlot(s, input.slot(), s.teachers());
            StoredRecord<Booking> old = s.mine().stream().filter(b -> b.value().teacher().equals(slot.teacher())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("slot", "Met deze leerkracht is nog geen gesprek gepland.",
                            "There is no conversation with this teacher to move."));
            Round.TeacherPlan plan = s.round().teacher(slot.teacher()).orElseThrow();
            if (old.value().start().equals(slot.start())) {
                throw InvalidInputException.of("slot", "Het gesprek staat al op deze tijd.", "The conversation is at this time already.");
            }
            Booking moved = old.value().movedTo(slot, context.guardian().name().displayName());
            context.records().remove(old);
            take(context, s, slot, moved);
            context.records().byKey(Planner.CLAIM, claimKey(context, s.round(), plan.staffId())).ifPresent(claim ->
                    context.records().update(claim, new Planner.Claim(s.round().id(), plan.staffId(), slot.key())));
            LocalizedText when = Planner.when(slot.start(), slot.end());
            return ActionOutcome.done("Het gesprek met " + plan.name() + " is verzet naar " + when.nl() + ".",
                            "The conversation with " + plan.name() + " has moved to " + when.en() + ".")
                    .reference(slot.id()).detail("slot", Planner.describe(slot, plan)).detail("uid", moved.uid())
                    .mail(confirmation(context, s.round(), plan, moved, "conference-moved"))
                    .audit("moved " + old.keys().key() + " to " + slot.key());
        }
    }

    static final class Cancel implements GuardianAction<ConferencesOptions, Cancellation> {
        @Override
        public ActionDescriptor<Cancellation> descriptor() {
            return ActionDescriptor.forChild(CANCEL, "Gesprek afzeggen", "Cancel a conversation", Cancellation.class);
        }

        @Override
        public Availability availability(ActionContext<ConferencesOptions> context) {
            Optional<Situation> s = situation(context);
            // Without a booking there is nothing to offer: a notice beside the booking's own would only repeat it.
            if (s.isEmpty() || s.get().mine().isEmpty()) {
                return Availability.notOffered();
            }
            Availability not = whyNot(s);
            return not != null ? not : Availability.yes();
        }

        @Override
        public ActionForm form(ActionContext<ConferencesOptions> context) {
            List<Choice> bookings = situation(context).map(s -> s.mine().stream().map(b -> {
                LocalizedText when = Planner.when(b.value().start(), b.value().end());
                return Choice.of(b.value().slot().id(), when.nl() + " · " + b.value().teacherName(),
                        when.en() + " · " + b.value().teacherName());
            }).toList()).orElse(List.of());
            return ActionForm.of(FormField.of("booking", FieldKind.CHOICE, "Gesprek", "Conversation").asRequired().choices(bookings))
                    .submit("Afzeggen", "Cancel it");
        }

        @Override
        public ActionOutcome run(ActionContext<ConferencesOptions> context, Cancellation input) {
            Situation s = situation(context).filter(Situation::open).orElseThrow(() ->
                    new ActionConflictException("De inschrijving is gesloten; bel de school om af te zeggen.",
                            "Booking has closed; call the school to cancel."));
            StoredRecord<Booking> booking = s.mine().stream().filter(b -> b.value().slot().id().equals(input.booking())).findFirst()
                    .orElseThrow(() -> new ActionConflictException("Dit gesprek is intussen verzet of afgezegd.",
                            "This conversation has just been moved or cancelled."));
            Round.TeacherPlan plan = s.round().teacher(booking.value().teacher()).orElseThrow();
            context.records().remove(booking);
            context.records().byKey(Planner.CLAIM, claimKey(context, s.round(), plan.staffId())).ifPresent(context.records()::remove);
            Booking cancelled = booking.value().movedTo(booking.value().slot(), context.guardian().name().displayName());
            LocalizedText when = Planner.when(cancelled.start(), cancelled.end());
            String text = "Het gesprek is afgezegd.\n\n" + s.round().name() + "\nKind: " + cancelled.childName() + "\nLeerkracht: "
                    + plan.name() + "\nWanneer: " + when.nl() + "\n\nMet de bijlage haalt uw agenda de afspraak weg.\n\n---\n\n"
                    + "The conversation has been cancelled.\n\n" + s.round().name() + "\nChild: " + cancelled.childName()
                    + "\nTeacher: " + plan.name() + "\nWhen: " + when.en() + "\n\nThe attachment removes the appointment from your calendar.\n";
            ActionMail mail = ActionMail.toActor("conference-cancelled", "Gesprek afgezegd: " + cancelled.childName() + ", " + when.nl(), text)
                    .withAttachment(Invites.cancel(cancelled, plan, summary(cancelled), context.school().name(),
                            context.school().email(), context.zone(), context.now()));
            return ActionOutcome.done("Het gesprek met " + plan.name() + " op " + when.nl() + " is afgezegd.",
                            "The conversation with " + plan.name() + " on " + when.en() + " is cancelled.")
                    .detail("uid", cancelled.uid()).mail(mail).audit("cancelled " + booking.keys().key());
        }
    }
}
