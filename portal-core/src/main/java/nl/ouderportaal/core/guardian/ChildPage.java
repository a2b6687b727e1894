package nl.ouderportaal.core.guardian;

import java.util.List;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.view.Section;

/**
 * One page about a child: a module page in a school year, or the "about the child" page.
 *
 * @param child the child
 * @param pageId the module id, or {@code about}
 * @param schoolYear the school year shown
 * @param selectableYears the school years the guardian may switch to, newest first (R-POR-4)
 * @param sections what the page shows
 */
public record ChildPage(StudentId child, String pageId, SchoolYear schoolYear, List<SchoolYear> selectableYears,
                        List<Section> sections) {

    public ChildPage {
        selectableYears = List.copyOf(selectableYears);
        sections = List.copyOf(sections);
    }
}
