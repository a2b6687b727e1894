package nl.ouderportaal.modules.absences;

import java.util.ArrayList;
import nl.ouderportaal.spi.action.GuardianAction;

import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Absences (Absenties): reason, date or period, authorised or not; earlier school years; recent
 * absences on the dashboard. Stateless and thread-safe.
 */
public final class AbsencesModule implements ContentModule<AbsencesOptions> {

    public static final String ID = "absences";

    /** How far back the dashboard looks for absences. */
    static final int DASHBOARD_DAYS = 30;
    /** At most this many absences per child on the dashboard. */
    static final int DASHBOARD_LIMIT = 5;

    private static final ModuleDescriptor<AbsencesOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, AbsencesOptions.class, AbsencesOptions.DEFAULTS)
            .name("Absenties", "Absences")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(AbsenceSource.class, nl.ouderportaal.spi.host.GroupSource.class)
            .build();

    private static final Comparator<Absence> NEWEST_FIRST = Comparator.comparing(Absence::from)
            .thenComparing(Absence::until).thenComparing(Absence::id).reversed();

    @Override
    public ModuleDescriptor<AbsencesOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<AbsencesOptions> context) {
        List<Absence> absences = absences(context).stream()
                .filter(a -> overlaps(a, context))
                .sorted(NEWEST_FIRST)
                .toList();
        long authorised = absences.stream().filter(Absence::authorised).count();
        Block summary = new Block.Fields(List.of(
                new Block.Field(LocalizedText.of("Geoorloofd", "Authorised"), Value.text(String.valueOf(authorised))),
                new Block.Field(LocalizedText.of("Ongeoorloofd", "Unauthorised"),
                        Value.text(String.valueOf(absences.size() - authorised)))));
        Block table = new Block.Table(
                List.of(LocalizedText.of("Datum", "Date"), LocalizedText.of("Reden", "Reason"),
                        LocalizedText.of("Geoorloofd", "Authorised")),
                absences.stream().map(a -> List.of(period(a), Value.text(a.reason()), authorisation(a))).toList(),
                LocalizedText.of("Er zijn geen absenties in schooljaar " + context.schoolYear() + ".",
                        "There are no absences in school year " + context.schoolYear() + "."));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(DESCRIPTOR.name(), List.of(summary, table)));
        reported(context).ifPresent(sections::add);
        return sections;
    }

    /** Ziekmelden, beter melden and verlof aanvragen (R-ABS), when the school switched them on. */
    @Override
    public List<GuardianAction<AbsencesOptions, ?>> actions() {
        return List.of(new ReportSick(), new ReportRecovered(), new RequestLeave());
    }

    /**
     * What guardians reported through the portal, for every guardian with viewing right: who reported what,
     * and when; a leave request with the school's decision.
     */
    private static java.util.Optional<Section> reported(ChildContext<AbsencesOptions> context) {
        var reports = context.records().byChild(AbsenceRecords.SICK_REPORT, context.child().id()).stream()
                .filter(r -> overlapsYear(r.value().from(), r.value().until(), context)).toList();
        var leave = context.records().byChild(AbsenceRecords.LEAVE_REQUEST, context.child().id()).stream()
                .filter(r -> overlapsYear(r.value().from(), r.value().until(), context)).toList();
        if (reports.isEmpty() && leave.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.Map<String, AbsenceReportSink.LeaveDecision> decisions = leave.isEmpty() ? java.util.Map.of()
                : context.findSource(AbsenceReportSink.class).map(sink -> sink.leaveDecisions(context.child().id(),
                        leave.stream().map(r -> r.value().reference()).toList())).orElse(java.util.Map.of());
        List<List<Value>> rows = new ArrayList<>();
        for (var r : reports) {
            AbsenceRecords.SickReportRecord report = r.value();
            rows.add(List.of(Value.localized(LocalizedText.of("Ziekmelding", "Sick report")), Value.text(Texts.period(report)),
                    Value.localized(report.reason() == SickReason.OTHER && report.reasonText() != null
                            ? LocalizedText.of(report.reasonText(), report.reasonText()) : report.reason().label()),
                    Value.text(report.reportedBy() + ", " + Texts.MOMENT_FORMAT.format(report.reportedAt().atZone(Texts.ZONE))),
                    Value.localized(report.recoveredFrom() == null ? LocalizedText.of("Gemeld", "Reported")
                            : LocalizedText.of("Beter gemeld door " + report.recoveredBy() + ", weer op school vanaf "
                                    + Texts.day(report.recoveredFrom()), "Reported well again by " + report.recoveredBy()
                                    + ", back at school from " + report.recoveredFrom()))));
        }
        for (var r : leave) {
            AbsenceRecords.LeaveRecord request = r.value();
            AbsenceReportSink.LeaveDecision decision = decisions.get(request.reference());
            LocalizedText status = decision == null || decision.status() == AbsenceReportSink.LeaveStatus.REQUESTED
                    ? LocalizedText.of("Aangevraagd; de school beslist nog", "Requested; the school has yet to decide")
                    : decision.status() == AbsenceReportSink.LeaveStatus.GRANTED
                    ? LocalizedText.of("Toegekend" + (decision.reason() == null ? "" : ": " + decision.reason()),
                            "Granted" + (decision.reason() == null ? "" : ": " + decision.reason()))
                    : LocalizedText.of("Afgewezen" + (decision.reason() == null ? "" : ": " + decision.reason()),
                            "Refused" + (decision.reason() == null ? "" : ": " + decision.reason()));
            rows.add(List.of(Value.localized(LocalizedText.of("Verlofaanvraag", "Leave request")),
                    request.from().equals(request.until()) ? Value.day(request.from()) : Value.dayRange(request.from(), request.until()),
                    Value.localized(RequestLeave.choice(request.category()).label()),
                    Value.text(request.requestedBy() + ", " + Texts.MOMENT_FORMAT.format(request.requestedAt().atZone(Texts.ZONE))),
                    Value.localized(status)));
        }
        return java.util.Optional.of(new Section(LocalizedText.of("Gemeld via het Ouderportaal", "Reported through the portal"),
                List.of(new Block.Table(List.of(LocalizedText.of("Wat", "What"), LocalizedText.of("Wanneer", "When"),
                        LocalizedText.of("Reden", "Reason"), LocalizedText.of("Gemeld door", "Reported by"),
                        LocalizedText.of("Stand", "Status")), rows, LocalizedText.of("Niets gemeld.", "Nothing reported.")))));
    }

    private static boolean overlapsYear(java.time.LocalDate from, java.time.LocalDate until, ChildContext<AbsencesOptions> context) {
        return !until.isBefore(context.schoolYear().firstDay()) && !from.isAfter(context.schoolYear().lastDay());
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<AbsencesOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        List<DashboardEntry> entries = new ArrayList<>();
        // Every guardian sees that the child was reported, by whom and when (R-ABS-4), while it matters.
        context.records().byChild(AbsenceRecords.SICK_REPORT, context.child().id()).stream()
                .filter(r -> !r.value().lastDay().isBefore(context.today().minusDays(7)))
                .forEach(r -> entries.add(new DashboardEntry(ID, context.child().id(), r.value().from(),
                        LocalizedText.of("Ziek gemeld door " + r.value().reportedBy(), "Reported ill by " + r.value().reportedBy()),
                        Value.text(Texts.period(r.value())))));
        absences(context).stream()
                .filter(a -> !a.until().isBefore(since) && !a.from().isAfter(context.today()))
                .sorted(NEWEST_FIRST)
                .limit(DASHBOARD_LIMIT)
                .map(a -> new DashboardEntry(ID, context.child().id(), a.from(), a.authorised()
                        ? LocalizedText.of("Geoorloofd afwezig: " + a.reason(), "Authorised absence: " + a.reason())
                        : LocalizedText.of("Ongeoorloofd afwezig: " + a.reason(), "Unauthorised absence: " + a.reason()),
                        period(a)))
                .forEach(entries::add);
        return entries;
    }

    private static List<Absence> absences(ChildContext<AbsencesOptions> context) {
        return context.source(AbsenceSource.class).absences(context.child().id(), context.schoolYear()).stream()
                .filter(a -> a.student().equals(context.child().id()))
                .toList();
    }

    private static boolean overlaps(Absence absence, ChildContext<AbsencesOptions> context) {
        return !absence.until().isBefore(context.schoolYear().firstDay())
                && !absence.from().isAfter(context.schoolYear().lastDay());
    }

    private static Value period(Absence absence) {
        return absence.from().equals(absence.until()) ? Value.day(absence.from()) : Value.dayRange(absence.from(), absence.until());
    }

    private static Value authorisation(Absence absence) {
        return absence.authorised() ? Value.localized("Ja", "Yes") : Value.localized("Nee", "No");
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("reportSick", nl.ouderportaal.spi.LocalizedText.of("Verzorgers kunnen hun kind ziek melden", "Guardians can report their child sick")),
            java.util.Map.entry("reportRecovered", nl.ouderportaal.spi.LocalizedText.of("Verzorgers kunnen hun kind beter melden", "Guardians can report their child well again")),
            java.util.Map.entry("requestLeave", nl.ouderportaal.spi.LocalizedText.of("Verzorgers kunnen verlof aanvragen", "Guardians can request leave")),
            java.util.Map.entry("cutOff", nl.ouderportaal.spi.LocalizedText.of("Ziekmelden voor vandaag kan tot (uu:mm)", "Reports for today until (hh:mm)")),
            java.util.Map.entry("daysAhead", nl.ouderportaal.spi.LocalizedText.of("Hoeveel dagen vooruit (0-30)", "How many days ahead (0-30)")),
            java.util.Map.entry("maxSchoolDays", nl.ouderportaal.spi.LocalizedText.of("Hoogstens zoveel schooldagen per melding (1-10)", "At most this many school days per report (1-10)")),
            java.util.Map.entry("attendanceEmail", nl.ouderportaal.spi.LocalizedText.of("Verzuimadres van de school (ontvangt elke melding)", "The school's attendance address (receives every report)")),
            java.util.Map.entry("reasons.SICK", nl.ouderportaal.spi.LocalizedText.of("Reden aanbieden: ziek", "Offer the reason: ill")),
            java.util.Map.entry("reasons.DOCTOR", nl.ouderportaal.spi.LocalizedText.of("Reden aanbieden: huisarts", "Offer the reason: doctor")),
            java.util.Map.entry("reasons.DENTIST", nl.ouderportaal.spi.LocalizedText.of("Reden aanbieden: tandarts", "Offer the reason: dentist")),
            java.util.Map.entry("reasons.SPECIALIST", nl.ouderportaal.spi.LocalizedText.of("Reden aanbieden: specialist of ziekenhuis", "Offer the reason: specialist or hospital")),
            java.util.Map.entry("reasons.OTHER", nl.ouderportaal.spi.LocalizedText.of("Reden aanbieden: anders (met een tekst)", "Offer the reason: other (with a text)")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
