package nl.ouderportaal.modules.groups;

import java.util.List;
import nl.ouderportaal.spi.GroupId;

/**
 * Supplies a group's members and timetable. Implemented by the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
public interface ClassmateSource {

    /** Everyone in the group, in any order. One call per child page. */
    List<Classmate> members(GroupId group);

    /** The group's weekly timetable, in any order. One call per child page. */
    List<Lesson> timetable(GroupId group);
}
