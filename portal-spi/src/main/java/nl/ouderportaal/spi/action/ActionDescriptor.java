package nl.ouderportaal.spi.action;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What the portal needs to know about a guardian action before offering it: its id within the module,
 * names, the input record type, whom it is about and where pages offer it.
 *
 * <p>The id is part of the route ({@code /api/children/{childId}/{moduleId}/actions/{actionId}}) and the
 * audit log: never change it once released. The input type is a record whose components are the form's
 * field names; the portal binds the request to it (JSON, or a page's form) and validates it with its Bean
 * Validation constraints before the handler sees it.
 *
 * @param id stable id within the module, lower case letters, digits and dashes, such as {@code report-sick}
 * @param name what the button and the form's heading say
 * @param inputType the input record
 * @param scope a child, or the guardian themself
 * @param placements where pages offer it
 * @param <I> the input type
 * @since 0.2
 */
public record ActionDescriptor<I>(String id, LocalizedText name, Class<I> inputType, ActionScope scope,
                                  Set<ActionPlacement> placements) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public ActionDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An action id is 2-40 lower case letters, digits and dashes: '" + id + "'");
        }
        Objects.requireNonNull(name, "name of action '" + id + "'");
        Objects.requireNonNull(inputType, "inputType of action '" + id + "'");
        if (!inputType.isRecord()) {
            throw new IllegalArgumentException("The input of action '" + id + "' must be a record: " + inputType.getName());
        }
        Objects.requireNonNull(scope, "scope");
        placements = placements.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(placements));
    }

    /** An action about a child, offered on the module's page. */
    public static <I> ActionDescriptor<I> forChild(String id, String dutch, String english, Class<I> inputType,
                                                   ActionPlacement... placements) {
        return new ActionDescriptor<>(id, LocalizedText.of(dutch, english), inputType, ActionScope.CHILD,
                placements.length == 0 ? Set.of(ActionPlacement.PAGE) : Set.of(placements));
    }

    /** An action of the guardian about themself, offered on the profile. */
    public static <I> ActionDescriptor<I> forGuardian(String id, String dutch, String english, Class<I> inputType) {
        return new ActionDescriptor<>(id, LocalizedText.of(dutch, english), inputType, ActionScope.GUARDIAN,
                Set.of(ActionPlacement.PAGE));
    }
}
