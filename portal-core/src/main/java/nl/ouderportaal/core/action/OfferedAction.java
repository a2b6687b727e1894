package nl.ouderportaal.core.action;

import java.util.Objects;
import java.util.Set;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.action.ActionForm;
import nl.ouderportaal.spi.action.ActionPlacement;
import nl.ouderportaal.spi.action.ActionScope;

/**
 * An action as offered to a viewer for one child (or for themself) now: what the pages render as a form
 * and {@code GET /api/children/{childId}/actions} lists.
 *
 * @param module the module's id (or the core's page: {@code about}, {@code profile})
 * @param id the action's id within it
 * @param name what the button says
 * @param scope a child or the guardian
 * @param placements where pages offer it
 * @param available whether it can be used now
 * @param reason why not, when not available; {@code null} otherwise
 * @param form the form, with the choices computed now
 */
public record OfferedAction(String module, String id, LocalizedText name, ActionScope scope, Set<ActionPlacement> placements,
                            boolean available, LocalizedText reason, ActionForm form) {

    public OfferedAction {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(id, "id");
        placements = Set.copyOf(placements);
    }
}
