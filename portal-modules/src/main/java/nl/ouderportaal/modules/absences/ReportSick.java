package nl.ouderportaal.modules.absences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.record.RecordKeys;
import nl.ouderportaal.spi.record.StoredRecord;
import nl.ouderportaal.modules.absences.AbsenceRecords.SickReportRecord;

/**
 * Ziekmelden (R-ABS-1): a guardian reports a visible child sick for today (until the school's cut-off) or
 * a coming school day within the school's limit, for whole days or part of one, for one or more
 * consecutive school days, with a reason from the school's list and an optional remark for the teacher.
 * The SIS records it ({@link AbsenceReportSink}); the guardian and the school's attendance address get a
 * mail; every guardian of the child sees it on the absences page. Thread-safe.
 */
final class ReportSick implements GuardianAction<AbsencesOptions, ReportSick.Input> {

    static final String ID = "report-sick";
    static final int REMARK = 500;

    /**
     * The input of {@code report-sick}.
     *
     * @param date the first day
     * @param days how many consecutive school days (1 when left out)
     * @param from for part of a day: from (both or neither of {@code from} and {@code until})
     * @param until for part of a day: until
     * @param reason a reason's code, such as {@code sick}
     * @param reasonText the reason in the guardian's words, for {@code other}
     * @param remark a remark for the teacher
     */
    record Input(@NotNull LocalDate date, @Min(1) @Max(10) Integer days, LocalTime from, LocalTime until,
                 @NotBlank String reason, @Size(max = 200) String reasonText, @Size(max = REMARK) String remark) {
    }

    @Override
    public ActionDescriptor<Input> descriptor() {
        return ActionDescriptor.forChild(ID, "Ziek melden", "Report sick", Input.class, ActionPlacement.PAGE,
                ActionPlacement.DASHBOARD);
    }

    @Override
    public Set<Class<?>> requiredSinks() {
        return Set.of(AbsenceReportSink.class);
    }

    @Override
    public Availability availability(ActionContext<AbsencesOptions> context) {
        AbsencesOptions options = context.options();
        if (!options.reportSick() || options.attendanceEmail() == null) {
            return Availability.notOffered();
        }
        if (firstAllowed(context).isEmpty()) {
            return Availability.unavailable(Texts.afterCutOff(context, options));
        }
        return Availability.yes();
    }

    @Override
    public ActionForm form(ActionContext<AbsencesOptions> context) {
        AbsencesOptions options = context.options();
        LocalDate first = firstAllowed(context).orElse(context.today());
        LocalDate last = context.today().plusDays(options.daysAhead());
        ActionForm form = ActionForm.of(
                FormField.of("date", FieldKind.DATE, "Eerste dag", "First day").asRequired()
                        .min(first.toString()).max(last.toString()).preset(first.toString()),
                FormField.of("days", FieldKind.NUMBER, "Aantal schooldagen", "Number of school days")
                        .min("1").max(String.valueOf(options.maxSchoolDays())).preset("1"),
                FormField.of("from", FieldKind.TIME, "Vanaf (alleen bij een deel van de dag)", "From (only for part of the day)"),
                FormField.of("until", FieldKind.TIME, "Tot", "Until")
                        .help("Laat beide tijden leeg voor hele dagen.", "Leave both times empty for whole days."),
                FormField.of("reason", FieldKind.CHOICE, "Reden", "Reason").asRequired().choices(options.reasons().stream()
                        .map(r -> new Choice(r.code(), r.label())).toList()),
                FormField.of("reasonText", FieldKind.TEXT, "Andere reden", "Other reason").maxLength(200)
                        .help("Alleen bij 'Anders'.", "Only for 'Other'."),
                FormField.of("remark", FieldKind.LONG_TEXT, "Opmerking voor de leerkracht", "Remark for the teacher").maxLength(REMARK))
                .submit("Ziekmelding versturen", "Send report");
        boolean todayPassed = first.isAfter(context.today()) && schoolDays(context, 0).isSchoolDay(context.today());
        return todayPassed ? new ActionForm(Texts.afterCutOff(context, options), form.fields(), form.submit()) : form;
    }

    @Override
    public ActionOutcome run(ActionContext<AbsencesOptions> context, Input input) {
        AbsencesOptions options = context.options();
        Student child = context.requireChild();
        SchoolDays calendar = schoolDays(context, options.daysAhead() + options.maxSchoolDays() * 3 + 14);
        int count = input.days() == null ? 1 : input.days();
        LocalDate today = context.today();
        if (input.date().isBefore(today)) {
            throw InvalidInputException.of("date", "Kies vandaag of een latere dag.", "Choose today or a later day.");
        }
        if (input.date().equals(today) && !beforeCutOff(context)) {
            throw new InvalidInputException(java.util.Map.of("date", Texts.afterCutOff(context, options)));
        }
        if (input.date().isAfter(today.plusDays(options.daysAhead()))) {
            throw InvalidInputException.of("date", "Ziekmelden kan tot " + options.daysAhead() + " dagen vooruit.",
                    "You can report up to " + options.daysAhead() + " days ahead.");
        }
        if (!calendar.isSchoolDay(input.date())) {
            throw InvalidInputException.of("date", "Op die dag is er geen school.", "There is no school on that day.");
        }
        if (count > options.maxSchoolDays()) {
            throw InvalidInputException.of("days", "Hoogstens " + options.maxSchoolDays() + " schooldagen per melding.",
                    "At most " + options.maxSchoolDays() + " school days per report.");
        }
        if ((input.from() == null) != (input.until() == null)) {
            throw InvalidInputException.of(input.from() == null ? "from" : "until", "Vul beide tijden in, of geen van beide.",
                    "Fill in both times, or neither.");
        }
        if (input.from() != null && (count > 1 || !input.from().isBefore(input.until()))) {
            throw InvalidInputException.of("until", count > 1 ? "Een deel van de dag kan alleen voor één dag."
                            : "De eindtijd ligt na de begintijd.",
                    count > 1 ? "Part of a day is for one day only." : "The end time is after the start time.");
        }
        SickReason reason = SickReason.valueOf(input.reason().toUpperCase(java.util.Locale.ROOT));
        if (reason == SickReason.OTHER && (input.reasonText() == null || input.reasonText().isBlank())) {
            throw InvalidInputException.of("reasonText", "Schrijf de reden op.", "Write down the reason.");
        }
        List<LocalDate> days = calendar.consecutive(input.date(), count);
        LocalDate last = days.get(days.size() - 1);
        refuseOverlap(context, child, input.date(), last);

        AbsenceReportSink sink = context.source(AbsenceReportSink.class);
        String reasonText = reason == SickReason.OTHER ? input.reasonText().strip() : null;
        String reference = sink.reportSick(new AbsenceReportSink.SickReport(child.schoolId(), child.id(), input.date(), last,
                input.from(), input.until(), reason, reasonText, input.remark(), context.guardian().id(),
                context.guardian().name().displayName()));
        SickReportRecord record = new SickReportRecord(reference, input.date(), last, input.from(), input.until(), reason,
                reasonText, input.remark(), context.guardian().name().displayName(), context.now(), null, null);
        context.records().add(AbsenceRecords.SICK_REPORT, RecordKeys.child(child.id()).guardian(context.guardian().id())
                .keepUntil(AbsenceRecords.keepUntil(last)), record);

        String period = Texts.period(record);
        String name = child.name().displayName();
        String group = group(context, child);
        String who = context.guardian().name().displayName();
        String what = reason == SickReason.OTHER ? reasonText : reason.label().nl();
        ActionMail toSchool = ActionMail.toAddress(ID, context.options().attendanceEmail(),
                "Ziekmelding " + name + (group == null ? "" : " (" + group + ")") + ": " + Texts.day(input.date()),
                "Ziekmelding via het Ouderportaal\n\n"
                        + "Leerling: " + name + (group == null ? "" : "\nGroep: " + group) + "\n"
                        + "Wanneer: " + period + "\n"
                        + "Reden: " + what + "\n"
                        + (input.remark() == null ? "" : "Opmerking voor de leerkracht: " + input.remark() + "\n")
                        + "Gemeld door: " + who + " op " + Texts.moment(context) + "\n"
                        + "Kenmerk: " + reference + "\n\n"
                        + "De melding staat ook in de leerlingadministratie.\n");
        ActionMail receipt = ActionMail.toActor(ID, "Ziekmelding van " + name + " ontvangen",
                "Beste " + who + ",\n\n"
                        + "De school heeft uw ziekmelding van " + name + " ontvangen.\n\n"
                        + "Wanneer: " + period + "\n"
                        + "Reden: " + what + "\n\n"
                        + "Is " + name + " weer beter? Meld dat in het Ouderportaal onder Absenties.\n\n"
                        + "Met vriendelijke groet,\n" + context.school().name() + "\n\n"
                        + "(English: your report that " + name + " is ill has been received: " + Texts.periodEnglish(record) + ".)\n");
        return ActionOutcome.created("De ziekmelding van " + name + " is doorgegeven aan de school (" + period + ").",
                        "The report that " + name + " is ill has been sent to the school (" + Texts.periodEnglish(record) + ").")
                .reference(reference).detail("from", input.date().toString()).detail("until", last.toString())
                .mail(toSchool).mail(receipt)
                .audit("report " + reference + ", " + days.size() + " school day(s)");
    }

    /** Refuses a report that overlaps an open report or an absence the SIS has, naming the existing one. */
    static void refuseOverlap(ActionContext<AbsencesOptions> context, Student child, LocalDate from, LocalDate until) {
        for (StoredRecord<SickReportRecord> existing : context.records().byChild(AbsenceRecords.SICK_REPORT, child.id())) {
            SickReportRecord r = existing.value();
            if (!r.from().isAfter(until) && !r.lastDay().isBefore(from) && !r.lastDay().isBefore(r.from())) {
                throw new ActionConflictException("Er is al een ziekmelding voor " + child.name().displayName() + ": "
                        + Texts.period(r) + ", gemeld door " + r.reportedBy() + ".",
                        "There is a report for " + child.name().displayName() + " already: " + Texts.periodEnglish(r)
                                + ", reported by " + r.reportedBy() + ".");
            }
        }
        Set<SchoolYear> years = new java.util.LinkedHashSet<>(List.of(SchoolYear.containing(from), SchoolYear.containing(until)));
        for (SchoolYear year : years) {
            for (Absence absence : context.source(AbsenceSource.class).absences(child.id(), year)) {
                boolean reportedByUs = context.records().byChild(AbsenceRecords.SICK_REPORT, child.id()).stream()
                        .anyMatch(r -> r.value().reference().equals(absence.id()));
                if (absence.student().equals(child.id()) && !absence.from().isAfter(until) && !absence.until().isBefore(from)
                        && !reportedByUs) {
                    String period = absence.from().equals(absence.until()) ? Texts.day(absence.from())
                            : Texts.day(absence.from()) + " t/m " + Texts.day(absence.until());
                    throw new ActionConflictException("De school heeft al een absentie van " + child.name().displayName()
                            + " op " + period + " (" + absence.reason() + ").",
                            "The school already has an absence of " + child.name().displayName() + " on "
                                    + absence.from() + (absence.from().equals(absence.until()) ? "" : " to " + absence.until())
                                    + " (" + absence.reason() + ").");
                }
            }
        }
    }

    /** The first day a report may start: today until the cut-off (if a school day), else the next school day in reach. */
    private static Optional<LocalDate> firstAllowed(ActionContext<AbsencesOptions> context) {
        AbsencesOptions options = context.options();
        SchoolDays calendar = schoolDays(context, options.daysAhead() + 1);
        LocalDate today = context.today();
        if (calendar.isSchoolDay(today) && beforeCutOff(context)) {
            return Optional.of(today);
        }
        LocalDate next = calendar.firstOnOrAfter(today.plusDays(1));
        return next.isAfter(today.plusDays(options.daysAhead())) || !calendar.isSchoolDay(next) ? Optional.empty() : Optional.of(next);
    }

    static boolean beforeCutOff(ActionContext<AbsencesOptions> context) {
        ZonedDateTime now = context.now().atZone(context.zone());
        return now.toLocalTime().isBefore(context.options().cutOff());
    }

    static SchoolDays schoolDays(ActionContext<AbsencesOptions> context, int span) {
        return SchoolDays.of(context.source(AbsenceReportSink.class), context.school().id(), context.today(), span);
    }

    static String group(ActionContext<AbsencesOptions> context, Student child) {
        Group group = context.source(GroupSource.class).groupsOfStudents(List.of(child.id()),
                SchoolYear.containing(context.today())).get(child.id());
        return group == null ? null : group.name();
    }
}
