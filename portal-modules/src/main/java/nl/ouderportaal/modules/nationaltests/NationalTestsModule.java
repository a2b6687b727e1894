package nl.ouderportaal.modules.nationaltests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * National tests (Niet-methodetoetsen: IEP, CITO, ...): each result in the presentation the school chose
 * for its family; a result without that presentation shows what the host has instead, never a blank.
 */
public final class NationalTestsModule implements ContentModule<NationalTestsOptions> {

    public static final String ID = "national-tests";
    static final int DASHBOARD_DAYS = 14;

    private static final ModuleDescriptor<NationalTestsOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, NationalTestsOptions.class, NationalTestsOptions.DEFAULTS)
            .name("Niet-methodetoetsen", "National tests")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(NationalTestSource.class)
            .build();

    @Override
    public ModuleDescriptor<NationalTestsOptions> descriptor() {
        return DESCRIPTOR;
    }

    /** The presentation shown: the chosen one if the result has it, else the first the result has. */
    public static Presentation shown(NationalTestResult result, NationalTestsOptions options) {
        Presentation chosen = options.presentationOf(result.family());
        if (result.in(chosen) != null && !result.in(chosen).isBlank()) {
            return chosen;
        }
        for (Presentation other : Presentation.values()) {
            if (result.in(other) != null && !result.in(other).isBlank()) {
                return other;
            }
        }
        return chosen;
    }

    @Override
    public List<Section> childPage(ChildContext<NationalTestsOptions> context) {
        List<NationalTestResult> results = results(context);
        List<Section> sections = new ArrayList<>();
        List<Block> overview = new ArrayList<>();
        if (results.isEmpty()) {
            overview.add(new Block.Paragraph(Value.localized(Views.noneInYear("niet-methodetoetsen", "national tests",
                    context.schoolYear()))));
        } else {
            overview.add(new Block.Table(List.of(Views.text("Toets", "Test"), Views.text("Datum", "Date"),
                            Views.text("Weergave", "Shown as"), Views.text("Resultaat", "Result")),
                    results.stream().map(r -> {
                        Presentation p = shown(r, context.options());
                        return List.of(Value.text(r.family() + " " + r.test()), Value.day(r.date()),
                                Value.localized(p.label()), Value.text(r.in(p)));
                    }).toList(), Views.text("Geen toetsen.", "No tests.")));
        }
        sections.add(new Section(DESCRIPTOR.name(), overview));
        for (NationalTestResult r : results) {
            Presentation p = shown(r, context.options());
            sections.add(new Section(r.id(), LocalizedText.of(r.family() + " " + r.test(), r.family() + " " + r.test()),
                    List.of(new Block.Fields(List.of(
                            Views.field("Toets", "Test", Value.text(r.family() + " " + r.test())),
                            Views.field("Datum", "Date", Value.day(r.date())),
                            new Block.Field(p.label(), Value.text(r.in(p))))))));
        }
        return sections;
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<NationalTestsOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return results(context).stream()
                .filter(r -> !r.date().isBefore(since) && !r.date().isAfter(context.today()))
                .map(r -> new DashboardEntry(ID, context.child().id(), r.date(),
                        LocalizedText.of("Toetsresultaat " + r.family() + " " + r.test(),
                                "Test result " + r.family() + " " + r.test()), null))
                .toList();
    }

    private static List<NationalTestResult> results(ChildContext<NationalTestsOptions> context) {
        return context.source(NationalTestSource.class).nationalTestResults(context.child().id(), context.schoolYear()).stream()
                .filter(r -> r.student().equals(context.child().id()) && Views.inYear(r.date(), context.schoolYear()))
                .sorted(Comparator.comparing(NationalTestResult::date).reversed().thenComparing(NationalTestResult::id))
                .toList();
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("fallback", nl.ouderportaal.spi.LocalizedText.of("Weergave van andere toetsen", "Presentation of other tests")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
