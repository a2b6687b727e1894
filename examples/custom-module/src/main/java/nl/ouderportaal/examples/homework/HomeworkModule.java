package nl.ouderportaal.examples.homework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import nl.ouderportaal.spi.*;
import nl.ouderportaal.spi.action.*;
import nl.ouderportaal.spi.host.*;
import nl.ouderportaal.spi.module.*;
import nl.ouderportaal.spi.record.*;
import nl.ouderportaal.spi.view.*;

/**
 * Homework (Huiswerk): an integrator's own content module, built against portal-spi only. It shows the
 * child's group's assignments on a child page and what is due on the dashboard; a guardian reports an
 * assignment as handed in (the action {@code hand-in}), kept in the portal's module records.
 */
public final class HomeworkModule implements ContentModule<HomeworkOptions> {

    public static final String ID = "homework";
    /** What "hand in" stores: one record per child and assignment, so a second report is refused. */
    public record HandedIn(String assignment, String remark, String by) { }
    static final RecordKind<HandedIn> HANDED_IN = RecordKind.of("handed-in", HandedIn.class);
    /** The input of "hand in". */
    public record HandIn(@NotBlank String assignment, @Size(max = 200) String remark) { }

    private static final ModuleDescriptor<HomeworkOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, HomeworkOptions.class, HomeworkOptions.DEFAULTS).name("Huiswerk", "Homework")
            .dashboard(true).earlierSchoolYears(true).requires(GroupSource.class, HomeworkSource.class).build();

    @Override
    public ModuleDescriptor<HomeworkOptions> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Section> childPage(ChildContext<HomeworkOptions> context) {
        var done = context.records().byChild(HANDED_IN, context.child().id()).stream().map(r -> r.value().assignment()).toList();
        return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Table(
                List.of(LocalizedText.of("Inleveren", "Due"), LocalizedText.of("Vak", "Subject"),
                        LocalizedText.of("Opdracht", "Assignment"), LocalizedText.of("Ingeleverd", "Handed in")),
                assignments(context, context.child()).stream().map(a -> List.of(Value.day(a.due()), Value.text(a.subject()),
                        Value.text(a.description()), Value.text(done.contains(a.id()) ? "✓" : ""))).toList(),
                LocalizedText.of("Er is geen huiswerk opgegeven.", "No homework has been set.")))));
    }

    @Override
    public List<DashboardEntry> dashboard(ChildContext<HomeworkOptions> context) {
        var until = context.today().plusDays(context.options().dashboardDaysAhead());
        return assignments(context, context.child()).stream().filter(a -> !a.due().isBefore(context.today()) && !a.due().isAfter(until))
                .map(a -> new DashboardEntry(ID, context.child().id(), a.due(), LocalizedText.of("Huiswerk " + a.subject()
                        + " inleveren", "Homework " + a.subject() + " due"), Value.text(a.description()))).toList();
    }

    @Override
    public List<GuardianAction<HomeworkOptions, ?>> actions() {
        return List.of(new GuardianAction<HomeworkOptions, HandIn>() {
            public ActionDescriptor<HandIn> descriptor() {
                return ActionDescriptor.forChild("hand-in", "Ingeleverd melden", "Report as handed in", HandIn.class);
            }

            public ActionForm form(ActionContext<HomeworkOptions> context) {
                List<Choice> open = assignments(context, context.requireChild()).stream().filter(a -> !a.due().isBefore(context.today()))
                        .map(a -> Choice.of(a.id(), a.subject() + ": " + a.description())).toList();
                return ActionForm.of(FormField.of("assignment", FieldKind.CHOICE, "Opdracht", "Assignment").asRequired().choices(open),
                        FormField.of("remark", FieldKind.LONG_TEXT, "Opmerking", "Remark").maxLength(200));
            }

            public ActionOutcome run(ActionContext<HomeworkOptions> context, HandIn input) {
                StudentId child = context.requireChild().id();
                try {
                    context.records().add(HANDED_IN, RecordKeys.child(child).guardian(context.guardian().id()).key(child.value()
                            + ":" + input.assignment()), new HandedIn(input.assignment(), input.remark(), context.guardian().name().displayName()));
                } catch (DuplicateKeyException already) {
                    throw new ActionConflictException("Deze opdracht is al als ingeleverd gemeld.", "This assignment was already reported as handed in.");
                }
                return ActionOutcome.created("Gemeld als ingeleverd.", "Reported as handed in.");
            }
        });
    }

    static List<Assignment> assignments(ModuleContext<HomeworkOptions> context, Student child) {
        SchoolYear year = context instanceof ChildContext<?> page ? page.schoolYear() : SchoolYear.containing(context.today());
        Group group = context.source(GroupSource.class).groupsOfStudents(List.of(child.id()), year).get(child.id());
        return group == null ? List.of() : context.source(HomeworkSource.class).homework(group.id(), year).stream()
                .sorted(Comparator.comparing(Assignment::due).thenComparing(Assignment::id)).toList();
    }
}
