package nl.ouderportaal.core.guardian;

import java.util.List;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.Student;

/**
 * A child the viewer may see, with its school, its current group and the module pages of its menu.
 *
 * @param student the child
 * @param school the child's school
 * @param currentGroup the child's group this school year (name, year level, classroom; without its teachers,
 *     which the groups module shows where the school activated it), or {@code null}
 * @param modules the module pages shown for the child, in installation order
 */
public record VisibleChild(Student student, School school, Group currentGroup, List<ModuleLink> modules) {

    public VisibleChild {
        modules = List.copyOf(modules);
    }
}
