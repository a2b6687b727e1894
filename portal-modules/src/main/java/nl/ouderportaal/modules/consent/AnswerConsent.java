package nl.ouderportaal.modules.consent;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.function.Supplier;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.How;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.Who;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionDescriptor;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionMail;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.ActionPlacement;
import nl.ouderportaal.spi.action.Availability;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.record.RecordKeys;

/**
 * A guardian's answer for a child and purpose (R-CONS-2), the action {@code answer}: offered under each
 * purpose of the child page, yes or no, nothing pre-selected, changeable at any time. From the child's 16th
 * birthday the pupil decides and the action is not offered. Thread-safe.
 */
final class AnswerConsent implements GuardianAction<ConsentOptions, AnswerConsent.Input> {

    static final String ID = "answer";

    /**
     * The input of {@code answer}.
     *
     * @param purpose the purpose's id
     * @param version the text version answered; {@code null} for the current one (the text on the page)
     * @param answer {@code yes} or {@code no}
     */
    record Input(@NotBlank String purpose, @Min(1) @Max(10_000) Integer version,
                 @NotBlank @Pattern(regexp = "yes|no") String answer) {
    }

    private final ConsentSink sink;

    AnswerConsent(ConsentSink sink) {
        this.sink = sink;
    }

    @Override
    public ActionDescriptor<Input> descriptor() {
        return ActionDescriptor.forChild(ID, "Toestemming geven of weigeren", "Give or refuse consent", Input.class,
                ActionPlacement.ITEM);
    }

    @Override
    public Availability availability(ActionContext<ConsentOptions> context) {
        Student child = context.requireChild();
        if (Consents.pupilDecides(child.personalData().birthDate(), context.today())) {
            String name = child.name().displayName();
            return Availability.unavailable(name + " is 16 jaar of ouder en beslist zelf over toestemming; " + name
                            + " geeft het antwoord door aan de school.",
                    name + " is 16 or older and decides on consent; " + name + " gives the answer to the school.");
        }
        return Availability.yes();
    }

    @Override
    public ActionForm form(ActionContext<ConsentOptions> context) {
        SchoolYear year = SchoolYear.containing(context.today());
        boolean pupil = Consents.pupilDecides(context.requireChild().personalData().birthDate(), context.today());
        List<Choice> purposes = pupil ? List.of() : ConsentRecords.purposes(context.records()).stream()
                .filter(p -> p.appliesIn(year))
                .flatMap(p -> ConsentModule.currentText(context.records(), p).stream()
                        .map(text -> new Choice(p.id(), text.title(),
                                // A page answers the text it shows: stale after a change, it is refused (409).
                                java.util.Map.of("version", String.valueOf(p.version())))))
                .toList();
        return ActionForm.of(
                        FormField.of("purpose", FieldKind.ITEM, "Doel", "Purpose").asRequired().choices(purposes),
                        FormField.of("version", FieldKind.NUMBER, "Versie van de tekst", "Version of the text").min("1")
                                .help("Laat leeg: u antwoordt op de tekst die hierboven staat.",
                                        "Leave empty: you answer the text shown above."),
                        // Opt-in: never a preset (R-CONS-2).
                        FormField.of("answer", FieldKind.CHOICE, "Uw antwoord", "Your answer").asRequired().choices(List.of(
                                Choice.of("yes", "Ja, ik geef toestemming", "Yes, I consent"),
                                Choice.of("no", "Nee, ik geef geen toestemming", "No, I do not consent"))))
                .submit("Antwoord opslaan", "Save answer");
    }

    @Override
    public ActionOutcome run(ActionContext<ConsentOptions> context, Input input) {
        Student child = context.requireChild();
        var records = context.records();
        Purpose purpose = ConsentRecords.purpose(records, input.purpose()).map(r -> r.value())
                .filter(p -> p.appliesIn(SchoolYear.containing(context.today())))
                .orElseThrow(() -> InvalidInputException.of("purpose", "Dit doel is niet (meer) te beantwoorden.",
                        "This purpose can no longer be answered."));
        if (input.version() != null && input.version() != purpose.version()) {
            throw new ActionConflictException(LocalizedText.of(
                    "De tekst van dit doel is intussen gewijzigd (nu versie " + purpose.version() + "). Lees de nieuwe tekst en antwoord opnieuw.",
                    "The text of this purpose has changed (now version " + purpose.version() + "). Read the new text and answer again."),
                    java.util.Map.of("currentVersion", purpose.version()));
        }
        var text = ConsentModule.currentText(records, purpose).orElseThrow();
        boolean yes = input.answer().equals("yes");
        Supplier<List<GuardianId>> guardians = () -> context.options().everyGuardianMustAnswer()
                ? Families.guardiansOf(context, child.schoolId(), child.id()) : List.of();
        List<GuardianId> withRight = guardians.get();
        State before = Consents.effective(ConsentRecords.answers(records, child.id()), purpose.id(), purpose.version(), false,
                context.options().everyGuardianMustAnswer(), withRight);
        records.add(ConsentRecords.ANSWER, RecordKeys.child(child.id()).guardian(context.guardian().id()),
                new Answer(purpose.id(), purpose.version(), yes, Who.GUARDIAN, How.PORTAL,
                        context.guardian().name().displayName(), null));
        State after = Consents.effective(ConsentRecords.answers(records, child.id()), purpose.id(), purpose.version(), false,
                context.options().everyGuardianMustAnswer(), withRight);
        ConsentModule.report(sink, child.schoolId(), child.id(), purpose.id(), purpose.version(), before, after, "answer",
                context.now());
        String name = child.name().displayName();
        String moment = ConsentModule.MOMENT.format(context.now().atZone(context.zone()));
        String title = text.titleNl();
        return ActionOutcome.created(
                        "Uw antwoord is opgeslagen: " + (yes ? "ja" : "nee") + " voor '" + title + "'. Wat nu geldt: "
                                + after.label().nl().toLowerCase(java.util.Locale.ROOT) + ".",
                        "Your answer has been saved: " + (yes ? "yes" : "no") + " for '" + text.titleEn() + "'. What holds now: "
                                + after.label().en().toLowerCase(java.util.Locale.ROOT) + ".")
                .detail("purpose", purpose.id())
                .detail("version", purpose.version())
                .detail("effective", after.name().toLowerCase(java.util.Locale.ROOT))
                .audit("purpose " + purpose.id() + " v" + purpose.version())
                .mail(ActionMail.toActor("consent-answer", "Uw antwoord over toestemming voor " + name,
                        "Op " + moment + " heeft u voor " + name + " '" + (yes ? "ja" : "nee") + "' geantwoord op '" + title
                                + "' (versie " + purpose.version() + " van de tekst).\n"
                                + "U kunt uw antwoord altijd wijzigen in het Ouderportaal.\n\n"
                                + "On " + moment + " you answered '" + (yes ? "yes" : "no") + "' for " + name + " to '"
                                + text.titleEn() + "' (version " + purpose.version() + " of the text).\n"
                                + "You can change your answer at any time in the parent portal.\n"));
    }
}
