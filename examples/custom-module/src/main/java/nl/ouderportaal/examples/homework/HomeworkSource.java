package nl.ouderportaal.examples.homework;

import java.util.List;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolYear;

/** The integrator's host interface: a group's homework in a school year. */
@FunctionalInterface
public interface HomeworkSource {

    List<Assignment> homework(GroupId group, SchoolYear year);
}
