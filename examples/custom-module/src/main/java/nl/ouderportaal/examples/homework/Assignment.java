package nl.ouderportaal.examples.homework;

import java.time.LocalDate;
import nl.ouderportaal.spi.GroupId;

/** A homework assignment (huiswerk) for a group: the host's id, subject ("Topografie"), what to do, due day. */
public record Assignment(String id, GroupId group, String subject, String description, LocalDate due) {
}
