package nl.ouderportaal.modules.absences;

import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Absences (Absenties): reason, date or period, authorised or not; earlier school years; recent
 * absences on the dashboard. Stateless and thread-safe.
 */
public final class AbsencesModule implements ContentModule<NoOptions> {

    public static final String ID = "absences";

    /** How far back the dashboard looks for absences. */
    static final int DASHBOARD_DAYS = 30;
    /** At most this many absences per child on the dashboard. */
    static final int DASHBOARD_LIMIT = 5;

    private static final ModuleDescriptor<NoOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NoOptions.class, NoOptions.INSTANCE)
            .name("Absenties", "Absences")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(AbsenceSource.class)
            .build();

    private static final Comparator<Absence> NEWEST_FIRST = Comparator.comparing(Absence::from)
            .thenComparing(Absence::until).thenComparing(Absence::id).reversed();

    @Override
    public ModuleDescriptor<NoOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<NoOptions> context) {
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
        return List.of(new Section(DESCRIPTOR.name(), List.of(summary, table)));
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<NoOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return absences(context).stream()
                .filter(a -> !a.until().isBefore(since) && !a.from().isAfter(context.today()))
                .sorted(NEWEST_FIRST)
                .limit(DASHBOARD_LIMIT)
                .map(a -> new DashboardEntry(ID, context.child().id(), a.from(), a.authorised()
                        ? LocalizedText.of("Geoorloofd afwezig: " + a.reason(), "Authorised absence: " + a.reason())
                        : LocalizedText.of("Ongeoorloofd afwezig: " + a.reason(), "Unauthorised absence: " + a.reason()),
                        period(a)))
                .toList();
    }

    private static List<Absence> absences(ChildContext<NoOptions> context) {
        return context.source(AbsenceSource.class).absences(context.child().id(), context.schoolYear()).stream()
                .filter(a -> a.student().equals(context.child().id()))
                .toList();
    }

    private static boolean overlaps(Absence absence, ChildContext<NoOptions> context) {
        return !absence.until().isBefore(context.schoolYear().firstDay())
                && !absence.from().isAfter(context.schoolYear().lastDay());
    }

    private static Value period(Absence absence) {
        return absence.from().equals(absence.until()) ? Value.day(absence.from()) : Value.dayRange(absence.from(), absence.until());
    }

    private static Value authorisation(Absence absence) {
        return absence.authorised() ? Value.localized("Ja", "Yes") : Value.localized("Nee", "No");
    }
}
