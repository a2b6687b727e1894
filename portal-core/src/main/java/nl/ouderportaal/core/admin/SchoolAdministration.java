package nl.ouderportaal.core.admin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.settings.ModuleState;
import nl.ouderportaal.core.settings.SchoolConfiguration;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.host.SchoolSource;

/**
 * Beheer &gt; Ouderportaal for a staff user the host authenticated: settings, dashboard image and modules
 * (R-SET, R-MOD). Every call needs the ADMIN role for a school the staff user serves (R-TEN-2); a refusal
 * throws {@link AccessRefusedException} and is audited. Changes are signed with the staff user's name in
 * the audit log and take effect for every guardian at the next request (R-SET-6). Thread-safe.
 */
public final class SchoolAdministration {

    private final SchoolConfiguration configuration;
    private final StaffAccess access;
    private final AuditLog audit;
    private final HostSources sources;

    public SchoolAdministration(SchoolConfiguration configuration, StaffAccess access, AuditLog audit,
                                HostSources sources) {
        this.configuration = configuration;
        this.access = access;
        this.audit = audit;
        this.sources = sources;
    }

    /**
     * The schools the staff user serves, by name (for a school picker), sorted by name; a school the host
     * does not know is listed by its id. Any role may ask: it tells only what the host told about the user.
     */
    public Map<SchoolId, String> schoolsOf(StaffActor actor) {
        Map<SchoolId, String> names = new HashMap<>();
        actor.schools().forEach(id -> names.put(id, id.value()));
        sources.get(SchoolSource.class).schools(List.copyOf(actor.schools()))
                .forEach(school -> names.put(school.id(), school.name()));
        Map<SchoolId, String> sorted = new LinkedHashMap<>();
        names.entrySet().stream()
                .sorted(Map.Entry.<SchoolId, String>comparingByValue(String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(e -> e.getKey().value()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The school's audit log (R-BEYOND-1), newest first, at most {@code limit} entries; ADMIN only. */
    public List<AuditEvent> auditLog(StaffActor actor, SchoolId school, int limit) {
        access.requireAdmin(actor, school, "audit.read");
        return audit.ofSchool(school, limit);
    }

    public SchoolSettings settings(StaffActor actor, SchoolId school) {
        access.requireAdmin(actor, school, "settings.read");
        return configuration.settings(school);
    }

    /** @throws PortalValidationException when a field is invalid; nothing changes */
    public SchoolSettings updateSettings(StaffActor actor, SchoolId school, SchoolSettingsUpdate update) {
        access.requireAdmin(actor, school, "settings.update");
        return configuration.updateSettings(school, update, actor.name());
    }

    /** @throws PortalValidationException when the file is not a usable image; nothing changes */
    public void setDashboardImage(StaffActor actor, SchoolId school, byte[] upload) {
        access.requireAdmin(actor, school, "settings.image");
        configuration.setDashboardImage(school, upload, actor.name());
    }

    public void removeDashboardImage(StaffActor actor, SchoolId school) {
        access.requireAdmin(actor, school, "settings.image");
        configuration.removeDashboardImage(school, actor.name());
    }

    /** Every installed module, built-in and custom, with its state and options at the school. */
    public List<ModuleState> modules(StaffActor actor, SchoolId school) {
        access.requireAdmin(actor, school, "modules.read");
        return configuration.modules(school);
    }

    public void activate(StaffActor actor, SchoolId school, String moduleId) {
        access.requireAdmin(actor, school, "modules.activate");
        configuration.activate(school, moduleId, actor.name());
    }

    public void deactivate(StaffActor actor, SchoolId school, String moduleId) {
        access.requireAdmin(actor, school, "modules.deactivate");
        configuration.deactivate(school, moduleId, actor.name());
    }

    /** @throws PortalValidationException when the module is inactive or cannot show on the dashboard */
    public void showOnDashboard(StaffActor actor, SchoolId school, String moduleId, boolean show) {
        access.requireAdmin(actor, school, "modules.dashboard");
        configuration.showOnDashboard(school, moduleId, show, actor.name());
    }

    /** @throws PortalValidationException when the options break a constraint */
    public void setOptions(StaffActor actor, SchoolId school, String moduleId, Object options) {
        access.requireAdmin(actor, school, "modules.options");
        configuration.setOptions(school, moduleId, options, actor.name());
    }
}
