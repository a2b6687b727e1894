package nl.ouderportaal.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;

/**
 * One generated world: the facts of one viewer, plus questions about school years and activities.
 */
record World(long seed, VisibilityFacts facts, List<YearQuestion> yearQuestions, Map<StudentId, GroupId> currentGroups,
             List<Activity> activities, List<nl.ouderportaal.core.news.NewsMessage> news, java.time.LocalDate today) {

    /** May the viewer see module {@code moduleId} of {@code child} in {@code requested}? */
    record YearQuestion(StudentId child, String moduleId, boolean supportsEarlierYears, SchoolYear requested,
                        SchoolYear current, Set<SchoolYear> hostYears) {
    }
}
