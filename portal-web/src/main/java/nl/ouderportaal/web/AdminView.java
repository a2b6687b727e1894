package nl.ouderportaal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;

/**
 * What every administration page gets besides {@link Ui}: the staff user, the school the page is for,
 * the other schools they serve, and a result message after a form was handled. One per request.
 */
public final class AdminView {

    private final StaffActor staff;
    private final SchoolId school;
    private final String done;
    private final Map<SchoolId, String> schoolNames;

    /** @param schoolNames the staff user's schools by name, in the picker's order; only read with several schools */
    AdminView(StaffActor staff, SchoolId school, String done, Map<SchoolId, String> schoolNames) {
        this.staff = staff;
        this.school = school;
        this.done = done;
        this.schoolNames = schoolNames;
    }

    public String staffName() {
        return staff.name();
    }

    public boolean admin() {
        return staff.has(StaffActor.Role.ADMIN);
    }

    public String school() {
        return school.value();
    }

    public boolean severalSchools() {
        return staff.schools().size() > 1;
    }

    /** The ids of the staff user's schools, in the picker's order (by name). */
    public List<String> schools() {
        return schoolNames.keySet().stream().map(SchoolId::value).toList();
    }

    /** A school's name for the picker, or its id when the host does not know it. */
    public String schoolName(String id) {
        return schoolNames.getOrDefault(SchoolId.of(id), id);
    }

    /** The link to an administration page for this school (the school is named when there is a choice). */
    public String href(String path) {
        return severalSchools() ? withSchool(path, school.value()) : path;
    }

    /** The link to this page for another school. */
    public String hrefFor(String path, String otherSchool) {
        return withSchool(path, otherSchool);
    }

    private static String withSchool(String path, String school) {
        return path + (path.contains("?") ? "&" : "?") + "school=" + URLEncoder.encode(school, StandardCharsets.UTF_8);
    }

    /** The key of the message about what the last form did, or {@code null}. */
    public String done() {
        return done;
    }
}
