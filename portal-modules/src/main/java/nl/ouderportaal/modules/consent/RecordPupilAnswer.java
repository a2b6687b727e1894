package nl.ouderportaal.modules.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.ouderportaal.modules.consent.ConsentRecords.Answer;
import nl.ouderportaal.modules.consent.ConsentRecords.How;
import nl.ouderportaal.modules.consent.ConsentRecords.Purpose;
import nl.ouderportaal.modules.consent.ConsentRecords.Who;
import nl.ouderportaal.modules.consent.Consents.State;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.Choice;
import nl.ouderportaal.spi.action.FieldKind;
import nl.ouderportaal.spi.action.FormField;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.record.RecordKeys;

/**
 * Staff record a pupil's own answer from a paper form (R-CONS-4), the staff action {@code record-pupil-answer}:
 * only for a pupil of 16 or older, whose answer is then the one that counts. Kept as proof with the staff
 * user's name and the date on the paper. Thread-safe.
 */
final class RecordPupilAnswer implements StaffAction<ConsentOptions, RecordPupilAnswer.Input> {

    /** Input: the pupil's id in the SIS, the purpose, yes or no, and the date on the paper. */
    record Input(@NotBlank @Size(max = 64) String pupil, @NotBlank String purpose, @NotBlank @Pattern(regexp = "yes|no") String answer,
                 LocalDate signedOn) {
    }

    private final ConsentSink sink;

    RecordPupilAnswer(ConsentSink sink) {
        this.sink = sink;
    }

    @Override
    public Descriptor<Input> descriptor() {
        return new Descriptor<>("record-pupil-answer", LocalizedText.of("Antwoord van een leerling (16+) vastleggen",
                "Record a pupil's answer (16+)"), Input.class, StaffActor.Role.ADMIN);
    }

    @Override
    public ActionForm form(StaffContext<ConsentOptions> context) {
        return ActionForm.of(
                        FormField.of("pupil", FieldKind.TEXT, "Leerling (id in de leerlingadministratie)", "Pupil (id in the SIS)")
                                .asRequired().maxLength(64),
                        PurposeActions.purposeField(context),
                        FormField.of("answer", FieldKind.CHOICE, "Antwoord van de leerling", "The pupil's answer").asRequired()
                                .choices(List.of(Choice.of("yes", "Ja, toestemming", "Yes, consent"), Choice.of("no", "Nee", "No"))),
                        FormField.of("signedOn", FieldKind.DATE, "Datum op het formulier", "Date on the form")
                                .max(context.today().toString()))
                .intro("Vanaf 16 jaar beslist de leerling zelf. Leg hier het antwoord vast dat de leerling op papier gaf.",
                        "From 16 the pupil decides. Record here the answer the pupil gave on paper.")
                .submit("Antwoord vastleggen", "Record answer");
    }

    @Override
    public ActionOutcome run(StaffContext<ConsentOptions> context, Input input) {
        Student pupil = context.source(StudentSource.class).students(List.of(StudentId.of(input.pupil()))).stream()
                .filter(s -> s.schoolId().equals(context.school().id()) && s.enrolmentStatus() == EnrolmentStatus.IN_EDUCATION)
                .findFirst().orElseThrow(() -> InvalidInputException.of("pupil", "Deze leerling staat niet ingeschreven op deze school.",
                        "This pupil is not enrolled at this school."));
        if (!Consents.pupilDecides(pupil.personalData().birthDate(), context.today())) {
            throw InvalidInputException.of("pupil", "Deze leerling is jonger dan 16: de ouders/verzorgers beslissen.",
                    "This pupil is younger than 16: the parents or guardians decide.");
        }
        if (input.signedOn() != null && input.signedOn().isAfter(context.today())) {
            throw InvalidInputException.of("signedOn", "De datum ligt in de toekomst.", "The date is in the future.");
        }
        var records = context.records();
        Purpose purpose = PurposeActions.active(records, input.purpose()).value();
        boolean yes = input.answer().equals("yes");
        State before = Consents.effective(ConsentRecords.answers(records, pupil.id()), purpose.id(), purpose.version(), true,
                false, List.of());
        records.add(ConsentRecords.ANSWER, RecordKeys.child(pupil.id()), new Answer(purpose.id(), purpose.version(), yes,
                Who.PUPIL, How.STAFF_PAPER, context.staff().name(), input.signedOn()));
        State after = yes ? State.YES : State.NO;
        ConsentModule.report(sink, context.school().id(), pupil.id(), purpose.id(), purpose.version(), before, after, "paper",
                context.now());
        return ActionOutcome.created("Het antwoord van de leerling is vastgelegd.", "The pupil's answer has been recorded.")
                .detail("purpose", purpose.id()).detail("version", purpose.version())
                .detail("effective", after.name().toLowerCase(java.util.Locale.ROOT))
                .audit("pupil " + pupil.id() + " purpose " + purpose.id() + " v" + purpose.version());
    }
}
