package nl.ouderportaal.examples.homework;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.GroupId;

/**
 * A homework assignment (huiswerk) for a group.
 *
 * @param id the host's id
 * @param group the group it is for
 * @param subject for example "Topografie"
 * @param description what to do
 * @param due the day it is due
 */
public record Assignment(String id, GroupId group, String subject, String description, LocalDate due) {

    public Assignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(due, "due");
    }
}
