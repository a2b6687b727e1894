package nl.ouderportaal.spi.action;

import java.util.Objects;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StaffActor;

/**
 * A view a module offers staff for one school (R-ACT-7): a class list of consent answers, a teacher's
 * schedule. Served as JSON, xlsx and PDF at {@code /api/admin/modules/{moduleId}/views/{viewId}} for a staff
 * user who serves the school and has the view's role. Thread-safe; no per-call state.
 *
 * @param <O> the module's options type
 * @since 0.2
 */
public interface StaffView<O> {

    Descriptor descriptor();

    /** The table for the school and the context's parameters (a group, say). */
    StaffTable table(StaffContext<O> context);

    /**
     * A staff view's id, names and the role it needs.
     *
     * @param id stable id within the module, such as {@code class-list}
     * @param name what the administration pages call it
     * @param role the role needed; {@code null} for every staff user who serves the school
     * @param parameters the query parameters it reads, for the documentation (such as {@code group})
     */
    record Descriptor(String id, LocalizedText name, StaffActor.Role role, java.util.List<String> parameters) {
        private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

        public Descriptor {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A view id is 2-40 lower case letters, digits and dashes: '" + id + "'");
            }
            Objects.requireNonNull(name, "name of view '" + id + "'");
            parameters = java.util.List.copyOf(parameters);
        }
    }
}
