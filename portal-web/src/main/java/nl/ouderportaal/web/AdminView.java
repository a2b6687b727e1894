package nl.ouderportaal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    AdminView(StaffActor staff, SchoolId school, String done) {
        this.staff = staff;
        this.school = school;
        this.done = done;
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

    public List<String> schools() {
        return staff.schools().stream().map(SchoolId::value).sorted().toList();
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
