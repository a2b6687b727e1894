package nl.ouderportaal.modules.absences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
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
import nl.ouderportaal.modules.absences.AbsenceReportSink.LeaveCategory;
import nl.ouderportaal.modules.absences.AbsenceRecords.LeaveRecord;

/**
 * Verlof aanvragen (R-ABS-3): a date range, a reason category and an explanation; the school decides in
 * its SIS and the decision shows on the absences page to every guardian of the child. Thread-safe.
 */
final class RequestLeave implements GuardianAction<AbsencesOptions, RequestLeave.Input> {

    static final String ID = "request-leave";
    static final int EXPLANATION = 1000;

    /**
     * @param from first day
     * @param until last day
     * @param category a {@link LeaveCategory} in lower case, such as {@code family}
     * @param explanation why
     */
    record Input(@NotNull LocalDate from, @NotNull LocalDate until, @NotBlank String category,
                 @NotBlank @Size(max = EXPLANATION) String explanation) {
    }

    @Override
    public ActionDescriptor<Input> descriptor() {
        return ActionDescriptor.forChild(ID, "Verlof aanvragen", "Request leave", Input.class, ActionPlacement.PAGE);
    }

    @Override
    public Set<Class<?>> requiredSinks() {
        return Set.of(AbsenceReportSink.class);
    }

    @Override
    public Availability availability(ActionContext<AbsencesOptions> context) {
        return context.options().requestLeave() && context.options().attendanceEmail() != null
                ? Availability.yes() : Availability.notOffered();
    }

    @Override
    public ActionForm form(ActionContext<AbsencesOptions> context) {
        String first = context.today().toString();
        String last = context.today().plusYears(1).toString();
        return ActionForm.of(
                        FormField.of("from", FieldKind.DATE, "Eerste dag", "First day").asRequired().min(first).max(last),
                        FormField.of("until", FieldKind.DATE, "Laatste dag", "Last day").asRequired().min(first).max(last),
                        FormField.of("category", FieldKind.CHOICE, "Soort verlof", "Kind of leave").asRequired()
                                .choices(Arrays.stream(LeaveCategory.values()).map(RequestLeave::choice).toList()),
                        FormField.of("explanation", FieldKind.LONG_TEXT, "Toelichting", "Explanation").asRequired()
                                .maxLength(EXPLANATION))
                .intro("De directeur beslist over verlof (artikel 11 Leerplichtwet). U ziet het besluit hier terug.",
                        "The head teacher decides on leave (section 11 of the Compulsory Education Act). You will see the decision here.")
                .submit("Verlof aanvragen", "Request leave");
    }

    @Override
    public ActionOutcome run(ActionContext<AbsencesOptions> context, Input input) {
        Student child = context.requireChild();
        if (input.from().isBefore(context.today())) {
            throw InvalidInputException.of("from", "Kies vandaag of een latere dag.", "Choose today or a later day.");
        }
        if (input.until().isBefore(input.from())) {
            throw InvalidInputException.of("until", "De laatste dag ligt op of na de eerste.", "The last day is on or after the first.");
        }
        if (input.until().isAfter(context.today().plusYears(1))) {
            throw InvalidInputException.of("until", "Verlof vraagt u hoogstens een jaar vooruit aan.",
                    "Leave can be requested at most a year ahead.");
        }
        LeaveCategory category = LeaveCategory.valueOf(input.category().toUpperCase(Locale.ROOT));
        for (var existing : context.records().byChild(AbsenceRecords.LEAVE_REQUEST, child.id())) {
            LeaveRecord r = existing.value();
            if (!r.from().isAfter(input.until()) && !r.until().isBefore(input.from())) {
                throw new ActionConflictException("Er is al een verlofaanvraag voor " + Texts.day(r.from()) + " t/m "
                        + Texts.day(r.until()) + ", van " + r.requestedBy() + ".",
                        "There is a leave request for " + r.from() + " to " + r.until() + " already, by " + r.requestedBy() + ".");
            }
        }
        String who = context.guardian().name().displayName();
        String reference = context.source(AbsenceReportSink.class).requestLeave(new AbsenceReportSink.LeaveRequest(
                child.schoolId(), child.id(), input.from(), input.until(), category, input.explanation(),
                context.guardian().id(), who));
        context.records().add(AbsenceRecords.LEAVE_REQUEST, RecordKeys.child(child.id()).guardian(context.guardian().id())
                        .keepUntil(AbsenceRecords.keepUntil(input.until())),
                new LeaveRecord(reference, input.from(), input.until(), category, input.explanation(), who, context.now()));
        String name = child.name().displayName();
        String group = ReportSick.group(context, child);
        String period = Texts.day(input.from()) + (input.from().equals(input.until()) ? "" : " t/m " + Texts.day(input.until()));
        return ActionOutcome.created("Uw verlofaanvraag voor " + name + " is naar de school gestuurd. U ziet het besluit op deze pagina.",
                        "Your leave request for " + name + " has been sent to the school. You will see the decision on this page.")
                .reference(reference)
                .mail(ActionMail.toAddress(ID, context.options().attendanceEmail(), "Verlofaanvraag " + name
                                + (group == null ? "" : " (" + group + ")"),
                        "Verlofaanvraag via het Ouderportaal\n\nLeerling: " + name + (group == null ? "" : "\nGroep: " + group)
                                + "\nWanneer: " + period + "\nSoort: " + choice(category).label().nl() + "\nToelichting: "
                                + input.explanation() + "\nAangevraagd door: " + who + " op " + Texts.moment(context)
                                + "\nKenmerk: " + reference + "\n\nLeg het besluit vast in de leerlingadministratie; "
                                + "de verzorgers zien het in het Ouderportaal.\n"))
                .mail(ActionMail.toActor(ID, "Verlofaanvraag voor " + name + " ontvangen", "Beste " + who + ",\n\n"
                        + "De school heeft uw verlofaanvraag voor " + name + " (" + period + ") ontvangen. "
                        + "U ziet het besluit in het Ouderportaal onder Absenties.\n\nMet vriendelijke groet,\n"
                        + context.school().name() + "\n"))
                .audit("leave request " + reference);
    }

    static Choice choice(LeaveCategory category) {
        return switch (category) {
            case FAMILY -> Choice.of("family", "Gewichtige omstandigheden (bijvoorbeeld huwelijk, uitvaart)",
                    "Important family event (a wedding, a funeral)");
            case RELIGIOUS -> Choice.of("religious", "Godsdienstige verplichting", "Religious obligation");
            case PARENTS_WORK -> Choice.of("parents_work", "Vakantie buiten de schoolvakanties vanwege het werk van een ouder",
                    "Holiday outside school holidays because of a parent's work");
            case MEDICAL -> Choice.of("medical", "Medische of sociale redenen", "Medical or social reasons");
            case OTHER -> Choice.of("other", "Anders", "Other");
        };
    }
}
