package nl.ouderportaal.modules.absences;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.record.StoredRecord;
import nl.ouderportaal.modules.absences.AbsenceRecords.SickReportRecord;

/**
 * Beter melden (R-ABS-2): ends the child's open sick report from today or from the next school day.
 * Offered only while the child has an open report. Thread-safe.
 */
final class ReportRecovered implements GuardianAction<AbsencesOptions, ReportRecovered.Input> {

    static final String ID = "report-recovered";

    /** @param from {@code today} or {@code next} (the next school day) */
    record Input(@NotBlank String from) {
    }

    @Override
    public ActionDescriptor<Input> descriptor() {
        return ActionDescriptor.forChild(ID, "Beter melden", "Report recovered", Input.class, ActionPlacement.PAGE,
                ActionPlacement.DASHBOARD);
    }

    @Override
    public Set<Class<?>> requiredSinks() {
        return Set.of(AbsenceReportSink.class);
    }

    @Override
    public Availability availability(ActionContext<AbsencesOptions> context) {
        if (!context.options().reportRecovered() || context.options().attendanceEmail() == null || open(context).isEmpty()) {
            return Availability.notOffered();
        }
        return Availability.yes();
    }

    @Override
    public ActionForm form(ActionContext<AbsencesOptions> context) {
        LocalDate next = nextSchoolDay(context);
        return ActionForm.of(FormField.of("from", FieldKind.CHOICE, "Weer op school", "Back at school").asRequired()
                        .choices(List.of(Choice.of("today", "Vandaag (" + Texts.day(context.today()) + ")",
                                        "Today (" + context.today() + ")"),
                                Choice.of("next", "Vanaf de volgende schooldag (" + Texts.day(next) + ")",
                                        "From the next school day (" + next + ")"))))
                .intro("U meldt dat " + context.requireChild().name().displayName() + " weer beter is.",
                        "You report that " + context.requireChild().name().displayName() + " is well again.")
                .submit("Beter melden", "Report recovered");
    }

    @Override
    public ActionOutcome run(ActionContext<AbsencesOptions> context, Input input) {
        Student child = context.requireChild();
        StoredRecord<SickReportRecord> report = open(context).orElseThrow();
        LocalDate day = "today".equals(input.from()) ? context.today() : nextSchoolDay(context);
        day = day.isBefore(report.value().from()) ? report.value().from() : day;
        String who = context.guardian().name().displayName();
        context.source(AbsenceReportSink.class).reportRecovered(child.id(), report.value().reference(), day, context.guardian().id());
        context.records().update(report, report.value().recovered(day, who));
        String name = child.name().displayName();
        String group = ReportSick.group(context, child);
        return ActionOutcome.done(name + " is beter gemeld: weer op school vanaf " + Texts.day(day) + ".",
                        name + " is reported well again: back at school from " + day + ".")
                .reference(report.value().reference())
                .mail(ActionMail.toAddress(ID, context.options().attendanceEmail(), "Betermelding " + name
                                + (group == null ? "" : " (" + group + ")"),
                        "Betermelding via het Ouderportaal\n\nLeerling: " + name + (group == null ? "" : "\nGroep: " + group)
                                + "\nWeer op school vanaf: " + Texts.day(day) + "\nZiekmelding: " + Texts.period(report.value())
                                + " (kenmerk " + report.value().reference() + ")\nGemeld door: " + who + " op "
                                + Texts.moment(context) + "\n"))
                .mail(ActionMail.toActor(ID, "Betermelding van " + name + " ontvangen", "Beste " + who + ",\n\n"
                        + "De school weet dat " + name + " vanaf " + Texts.day(day) + " weer op school is.\n\n"
                        + "Met vriendelijke groet,\n" + context.school().name() + "\n"))
                .audit("recovered from " + day + ", report " + report.value().reference());
    }

    /** The open report that ends first: the one the child is recovering from. */
    static Optional<StoredRecord<SickReportRecord>> open(ActionContext<AbsencesOptions> context) {
        return context.records().byChild(AbsenceRecords.SICK_REPORT, context.requireChild().id()).stream()
                .filter(r -> r.value().isOpen(context.today()))
                .min(Comparator.comparing(r -> r.value().from()));
    }

    private static LocalDate nextSchoolDay(ActionContext<AbsencesOptions> context) {
        return ReportSick.schoolDays(context, 21).firstOnOrAfter(context.today().plusDays(1));
    }
}
