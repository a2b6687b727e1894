package nl.ouderportaal.examples.homework;

import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Homework (Huiswerk): an integrator's own content module, built against portal-spi only. It shows the
 * child's group's assignments on a child page and what is due within the next days on the dashboard.
 */
public final class HomeworkModule implements ContentModule<HomeworkOptions> {

    public static final String ID = "homework";

    private static final ModuleDescriptor<HomeworkOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, HomeworkOptions.class, HomeworkOptions.DEFAULTS)
            .name("Huiswerk", "Homework")
            .dashboard(true)
            .earlierSchoolYears(true)
            .requires(GroupSource.class, HomeworkSource.class)
            .build();

    @Override
    public ModuleDescriptor<HomeworkOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<HomeworkOptions> context) {
        List<Assignment> assignments = assignments(context);
        return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Table(
                List.of(LocalizedText.of("Inleveren", "Due"), LocalizedText.of("Vak", "Subject"),
                        LocalizedText.of("Opdracht", "Assignment")),
                assignments.stream().map(a -> List.of(Value.day(a.due()), Value.text(a.subject()),
                        Value.text(a.description()))).toList(),
                LocalizedText.of("Er is geen huiswerk opgegeven.", "No homework has been set.")))));
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<HomeworkOptions> context) {
        var until = context.today().plusDays(context.options().dashboardDaysAhead());
        return assignments(context).stream()
                .filter(a -> !a.due().isBefore(context.today()) && !a.due().isAfter(until))
                .map(a -> new DashboardEntry(ID, context.child().id(), a.due(),
                        LocalizedText.of("Huiswerk " + a.subject() + " inleveren", "Homework " + a.subject() + " due"),
                        Value.text(a.description())))
                .toList();
    }

    private static List<Assignment> assignments(ChildContext<HomeworkOptions> context) {
        Group group = context.source(GroupSource.class)
                .groupsOfStudents(List.of(context.child().id()), context.schoolYear()).get(context.child().id());
        if (group == null) {
            return List.of();
        }
        return context.source(HomeworkSource.class).homework(group.id(), context.schoolYear()).stream()
                .sorted(Comparator.comparing(Assignment::due).thenComparing(Assignment::id))
                .toList();
    }
}
