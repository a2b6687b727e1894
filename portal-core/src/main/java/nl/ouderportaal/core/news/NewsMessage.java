package nl.ouderportaal.core.news;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;

/**
 * A stored news message (R-NEWS).
 *
 * @param id the portal's id
 * @param school the school that published it
 * @param subject the subject
 * @param date the date shown with the message
 * @param html the text, sanitised
 * @param publishFrom first day it is shown
 * @param publishUntil last day it is shown (inclusive)
 * @param groups the groups it is for; empty means all groups
 */
public record NewsMessage(long id, SchoolId school, String subject, LocalDate date, String html, LocalDate publishFrom,
                          LocalDate publishUntil, Set<GroupId> groups) {

    public NewsMessage {
        Objects.requireNonNull(school, "school");
        groups = Set.copyOf(groups);
    }

    public boolean forAllGroups() {
        return groups.isEmpty();
    }

    public boolean isPublishedOn(LocalDate day) {
        return !day.isBefore(publishFrom) && !day.isAfter(publishUntil);
    }
}
