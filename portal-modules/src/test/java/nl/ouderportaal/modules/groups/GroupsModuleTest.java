package nl.ouderportaal.modules.groups;

import static nl.ouderportaal.modules.support.TestContexts.SANNE;
import static nl.ouderportaal.modules.support.TestContexts.SCHOOL;
import static nl.ouderportaal.modules.support.TestContexts.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.modules.support.TestContexts;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Address;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.PersonName;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The groups module")
class GroupsModuleTest {

    private static final Group GROUP = new Group(GroupId.of("g5"), SCHOOL, YEAR, "Groep 5", 5, "Lokaal 5", List.of());
    private final Classmate sanne = new Classmate(SANNE, new PersonName(null, "Sanne", "de", "Vries"), address("1"), false);
    private final Classmate open = new Classmate(StudentId.of("bram"), new PersonName(null, "Bram", null, "Bakker"), address("2"), false);
    private final Classmate secret = new Classmate(StudentId.of("yara"), new PersonName(null, "Yara", null, "Amrani"), address("3"), true);
    private final TestContexts contexts = new TestContexts()
            .with(GroupSource.class, new GroupSource() {
                @Override
                public List<Group> groups(nl.ouderportaal.spi.SchoolId school, SchoolYear year) {
                    return List.of(GROUP);
                }

                @Override
                public Map<StudentId, Group> groupsOfStudents(Collection<StudentId> students, SchoolYear year) {
                    return Map.of(SANNE, GROUP);
                }
            })
            .with(ClassmateSource.class, new ClassmateSource() {
                @Override
                public List<Classmate> members(GroupId group) {
                    return List.of(sanne, open, secret);
                }

                @Override
                public List<Lesson> timetable(GroupId group) {
                    return List.of(new Lesson(DayOfWeek.TUESDAY, LocalTime.of(8, 30), LocalTime.of(9, 30), "Gym", null, null),
                            new Lesson(DayOfWeek.MONDAY, LocalTime.of(8, 30), LocalTime.of(10, 0), "Rekenen", null, "5"));
                }
            });

    private static Address address(String number) {
        return new Address("Dorpsstraat", number, "3701 AA", "Zeist", null);
    }

    @Test
    void classmatesWithoutAddressesByDefaultAndWithoutTheChildItself() {
        Block.Table classmates = (Block.Table) new GroupsModule().childPage(contexts.child(GroupsOptions.DEFAULTS)).get(0).blocks().get(1);

        assertThat(classmates.headers()).hasSize(1);
        assertThat(classmates.rows()).containsExactly(List.of(Value.text("Yara Amrani")), List.of(Value.text("Bram Bakker")));
    }

    @Test
    void addressesWhereTheSchoolAllowsButNeverASecretOne() {
        Block.Table classmates = (Block.Table) new GroupsModule().childPage(contexts.child(new GroupsOptions(true))).get(0).blocks().get(1);

        assertThat(classmates.rows()).containsExactly(
                List.of(Value.text("Yara Amrani"), Value.text(null)),
                List.of(Value.text("Bram Bakker"), Value.text("Dorpsstraat 2, 3701 AA Zeist")));
        assertThat(GroupsModule.addressShown(secret, new GroupsOptions(true))).isFalse();
    }

    @Test
    void theTimetableRunsFromMondayInTimeOrder() {
        var timetable = new GroupsModule().childPage(contexts.child(GroupsOptions.DEFAULTS)).get(1);

        assertThat(timetable.anchor()).isEqualTo("timetable");
        assertThat(((Block.Table) timetable.blocks().get(0)).rows()).extracting(r -> r.get(2))
                .containsExactly(Value.text("Rekenen"), Value.text("Gym"));
    }
}
