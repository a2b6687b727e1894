package nl.ouderportaal.modules.methodtests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ouderportaal.modules.support.Views;
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
 * Method tests (Methodetoetsen): per subject the tests and results of the year; each test also as a
 * section of its own (its detail, anchored by its id); new results as dashboard updates.
 */
public final class MethodTestsModule implements ContentModule<NoOptions> {

    public static final String ID = "method-tests";
    static final int DASHBOARD_DAYS = 14;

    private static final ModuleDescriptor<NoOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NoOptions.class, NoOptions.INSTANCE)
            .name("Methodetoetsen", "Method tests")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(MethodTestSource.class)
            .build();

    @Override
    public ModuleDescriptor<NoOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<NoOptions> context) {
        List<MethodTestResult> results = results(context);
        List<Section> sections = new ArrayList<>();
        List<Block> overview = new ArrayList<>();
        if (results.isEmpty()) {
            overview.add(new Block.Paragraph(Value.localized(Views.noneInYear("methodetoetsen", "method tests",
                    context.schoolYear()))));
        }
        Map<String, List<MethodTestResult>> bySubject = new TreeMap<>();
        results.forEach(r -> bySubject.computeIfAbsent(r.subject(), s -> new ArrayList<>()).add(r));
        bySubject.forEach((subject, ofSubject) -> overview.add(new Block.Table(
                List.of(LocalizedText.of(subject, subject), Views.text("Datum", "Date"), Views.text("Resultaat", "Result")),
                ofSubject.stream().map(r -> List.of(Value.text(r.test()), Value.day(r.date()), Value.text(r.score()))).toList(),
                Views.text("Geen toetsen.", "No tests."))));
        sections.add(new Section(DESCRIPTOR.name(), overview));
        for (MethodTestResult r : results) {
            sections.add(new Section(r.id(), LocalizedText.of(r.subject() + ": " + r.test(), r.subject() + ": " + r.test()),
                    List.of(new Block.Fields(List.of(
                            Views.field("Vak", "Subject", Value.text(r.subject())),
                            Views.field("Methode", "Method", Value.text(r.method())),
                            Views.field("Toets", "Test", Value.text(r.test())),
                            Views.field("Datum", "Date", Value.day(r.date())),
                            Views.field("Resultaat", "Result", Value.text(r.score())),
                            Views.field("Opmerking", "Remark", Value.text(r.remark())))))));
        }
        return sections;
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<NoOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return results(context).stream()
                .filter(r -> !r.date().isBefore(since) && !r.date().isAfter(context.today()))
                .map(r -> new DashboardEntry(ID, context.child().id(), r.date(),
                        LocalizedText.of("Toetsresultaat " + r.subject() + ": " + r.test(),
                                "Test result " + r.subject() + ": " + r.test()), Value.text(r.score())))
                .toList();
    }

    private static List<MethodTestResult> results(ChildContext<NoOptions> context) {
        return context.source(MethodTestSource.class).methodTestResults(context.child().id(), context.schoolYear()).stream()
                .filter(r -> r.student().equals(context.child().id()) && Views.inYear(r.date(), context.schoolYear()))
                .sorted(Comparator.comparing(MethodTestResult::date).reversed().thenComparing(MethodTestResult::id))
                .toList();
    }
}
