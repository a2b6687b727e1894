package nl.ouderportaal.core.guardian;

import java.util.List;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.view.Section;

/**
 * The School page (R-POR-5): the school's contact data, board and branches (always shown, R-MOD-5), the
 * website link the school set (R-SET-2), and what active modules placed there show (staff, R-MOD-4).
 *
 * @param school the school's data from the host
 * @param websiteUrl the link from the school's portal settings, or {@code null}
 * @param sections the sections of active modules placed on the School page
 */
public record SchoolPage(School school, String websiteUrl, List<Section> sections) {

    public SchoolPage {
        sections = List.copyOf(sections);
    }
}
