package nl.ouderportaal.modules.plans;

import static nl.ouderportaal.modules.support.Views.field;

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
 * Plans (Plannen): plans starting on or after the start date, each with problem statement (under the
 * school's label), goals, approach, execution and evaluation; new plans as dashboard updates.
 */
public final class PlansModule implements ContentModule<PlansOptions> {

    public static final String ID = "plans";
    static final int DASHBOARD_DAYS = 30;

    private static final ModuleDescriptor<PlansOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, PlansOptions.class, PlansOptions.DEFAULTS)
            .name("Plannen", "Plans")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(PlanSource.class)
            .build();

    @Override
    public ModuleDescriptor<PlansOptions> descriptor() {
        return DESCRIPTOR;
    }

    /** The module's visibility rule: plans starting on or after the start date, newest first. */
    public static List<Plan> visible(List<Plan> plans, PlansOptions options) {
        return plans.stream()
                .filter(p -> options.startDate() == null || !p.start().isBefore(options.startDate()))
                .sorted(Comparator.comparing(Plan::start).thenComparing(Plan::id).reversed())
                .toList();
    }

    @Override
    public List<Section> childPage(ChildContext<PlansOptions> context) {
        List<Plan> plans = plans(context);
        List<Block> blocks = new ArrayList<>();
        if (plans.isEmpty()) {
            blocks.add(new Block.Paragraph(Value.localized(Views.noneInYear("plannen", "plans", context.schoolYear()))));
        }
        String label = context.options().problemStatementLabel();
        for (Plan plan : plans) {
            blocks.add(new Block.Fields(List.of(
                    field("Plan", "Plan", Value.text(plan.title())),
                    field("Periode", "Period", Views.period(plan.start(), plan.end())),
                    new Block.Field(LocalizedText.of(label, label), Value.text(plan.problemStatement())),
                    field("Doelen", "Goals", Value.text(plan.goals())),
                    field("Aanpak", "Approach", Value.text(plan.approach())),
                    field("Uitvoering", "Execution", Value.text(plan.execution())),
                    field("Evaluatie", "Evaluation", Value.text(plan.evaluation())))));
        }
        return List.of(new Section(DESCRIPTOR.name(), blocks));
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<PlansOptions> context) {
        var since = context.today().minusDays(DASHBOARD_DAYS);
        return plans(context).stream()
                .filter(p -> !p.start().isBefore(since) && !p.start().isAfter(context.today()))
                .map(p -> new DashboardEntry(ID, context.child().id(), p.start(),
                        LocalizedText.of("Nieuw plan: " + p.title(), "New plan: " + p.title()), null))
                .toList();
    }

    @Override
    public boolean isItemVisible(ChildContext<PlansOptions> context, String planId) {
        return plans(context).stream().anyMatch(p -> p.id().equals(planId));
    }

    private static List<Plan> plans(ChildContext<PlansOptions> context) {
        return visible(context.source(PlanSource.class).plans(context.child().id(), context.schoolYear()).stream()
                .filter(p -> p.student().equals(context.child().id())).toList(), context.options());
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("startDate", nl.ouderportaal.spi.LocalizedText.of("Startdatum (plannen die eerder beginnen worden nooit getoond)", "Start date (plans starting earlier are never shown)")),
            java.util.Map.entry("problemStatementLabel", nl.ouderportaal.spi.LocalizedText.of("Term voor het eerste deel van een plan", "Name of the first part of a plan")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
