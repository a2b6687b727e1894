package nl.ouderportaal.web;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.core.settings.ModuleState;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;

/** One change of a module's state from the modules page or API: all of it, or (when refused) none of it. */
final class AdminModules {

    private AdminModules() {
    }

    /**
     * Sets a module's options, active switch and dashboard switch in an order that never leaves half a
     * change: what the core would refuse is refused before anything is saved.
     *
     * @throws PortalValidationException with fields {@code dashboard} or {@code options.<name>}; nothing changed
     */
    static void apply(Web web, StaffActor actor, SchoolId school, ModuleState state, boolean active, boolean dashboard,
                      Object options) {
        String moduleId = state.descriptor().id();
        if (dashboard && !state.descriptor().dashboardCapable()) {
            throw PortalValidationException.of("dashboard", "Deze module kan niet op het dashboard worden getoond.",
                    "This module cannot be shown on the dashboard.");
        }
        if (dashboard && !active) {
            throw PortalValidationException.of("dashboard", "Een module kan alleen op het dashboard staan als ze actief is.",
                    "A module can only be on the dashboard while it is active.");
        }
        var administration = web.portal.administration();
        if (!Objects.equals(options, state.options())) {
            try {
                administration.setOptions(actor, school, moduleId, options);
            } catch (PortalValidationException e) {
                List<Violation> violations = e.violations().stream()
                        .map(v -> new Violation(v.field().isEmpty() ? "options" : "options." + v.field(), v.message()))
                        .toList();
                throw new PortalValidationException(violations);
            }
        }
        if (!active && state.moduleSwitch().active()) {
            administration.deactivate(actor, school, moduleId);
            return;
        }
        if (active && !state.moduleSwitch().active()) {
            administration.activate(actor, school, moduleId);
        }
        if (active && dashboard != state.moduleSwitch().onDashboard()) {
            administration.showOnDashboard(actor, school, moduleId, dashboard);
        }
    }
}
