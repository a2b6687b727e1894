package nl.ouderportaal.modules.groups;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ouderportaal.modules.support.Views;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Groups (Groepen): the child's current group with its teachers and classmates, classmates' addresses
 * where the school allows it and never a secret one (R-MOD-4, R-POR-3), and the timetable. Current
 * school year only (R-POR-4).
 */
public final class GroupsModule implements ContentModule<GroupsOptions> {

    public static final String ID = "groups";

    private static final ModuleDescriptor<GroupsOptions> DESCRIPTOR = ModuleDescriptor
            .builder(ID, GroupsOptions.class, GroupsOptions.DEFAULTS)
            .name("Groep", "Group")
            .earlierSchoolYears(false)
            .requires(GroupSource.class, ClassmateSource.class)
            .build();

    @Override
    public ModuleDescriptor<GroupsOptions> descriptor() {
        return DESCRIPTOR;
    }

    /**
     * The module's visibility rule for an address: shown only where the school allows classmates'
     * addresses and the classmate's address is not secret.
     */
    public static boolean addressShown(Classmate classmate, GroupsOptions options) {
        return options.showClassmateAddresses() && !classmate.addressSecret() && classmate.address() != null;
    }

    @Override
    public List<Section> childPage(ChildContext<GroupsOptions> context) {
        StudentId child = context.child().id();
        Map<StudentId, Group> groups = context.source(GroupSource.class).groupsOfStudents(List.of(child), context.schoolYear());
        Group group = groups.get(child);
        if (group == null) {
            return List.of(new Section(DESCRIPTOR.name(), List.of(new Block.Notice(Views.text(
                    "Uw kind zit dit schooljaar (nog) niet in een groep.", "Your child is not in a group this school year.")))));
        }
        ClassmateSource source = context.source(ClassmateSource.class);
        boolean addresses = context.options().showClassmateAddresses();
        List<LocalizedText> headers = new ArrayList<>(List.of(Views.text("Naam", "Name")));
        if (addresses) {
            headers.add(Views.text("Adres", "Address"));
        }
        List<List<Value>> rows = source.members(group.id()).stream()
                .filter(c -> !c.id().equals(child))
                .sorted(Comparator.comparing(c -> c.name().sortName()))
                .map(c -> addresses
                        ? List.of(Value.text(c.name().displayName()), addressShown(c, context.options())
                                ? Value.text(c.address().oneLine()) : Value.text(null))
                        : List.of(Value.text(c.name().displayName())))
                .toList();
        Section groupSection = new Section(LocalizedText.of(group.name(), group.name()), List.of(
                new Block.Fields(List.of(
                        Views.field("Leerjaar", "Year level", Value.text(String.valueOf(group.yearLevel()))),
                        Views.field("Lokaal", "Classroom", Value.text(group.classroom())),
                        Views.field("Leerkracht(en)", "Teacher(s)", Value.text(String.join(", ",
                                group.teachers().stream().map(t -> t.name().displayName()).toList()))))),
                new Block.Table(headers, rows, Views.text("Er zijn geen klasgenoten bekend.", "No classmates are known."))));
        List<List<Value>> lessons = source.timetable(group.id()).stream()
                .sorted(Comparator.comparing(Lesson::day).thenComparing(Lesson::start))
                .map(l -> List.of(Value.localized(l.day().getDisplayName(TextStyle.FULL, LocalizedText.DUTCH),
                                l.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
                        Value.text(l.start() + "–" + l.end()), Value.text(l.subject()), Value.text(l.teacher()),
                        Value.text(l.classroom())))
                .toList();
        Section timetable = new Section("timetable", Views.text("Rooster", "Timetable"), List.of(new Block.Table(
                List.of(Views.text("Dag", "Day"), Views.text("Tijd", "Time"), Views.text("Vak", "Subject"),
                        Views.text("Leerkracht", "Teacher"), Views.text("Lokaal", "Classroom")),
                lessons, Views.text("Er is geen rooster bekend.", "No timetable is known."))));
        return List.of(groupSection, timetable);
    }

    private static final java.util.Map<String, nl.ouderportaal.spi.LocalizedText> OPTION_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("showClassmateAddresses", nl.ouderportaal.spi.LocalizedText.of("Adressen van klasgenoten tonen", "Show classmates' addresses")));

    /** The labels of the module's options on the administration pages. */
    @Override
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String option) {
        return java.util.Optional.ofNullable(OPTION_LABELS.get(option));
    }
}
