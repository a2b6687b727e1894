package nl.ouderportaal.core.internal;

import nl.ouderportaal.core.settings.ModuleSwitch;
import nl.ouderportaal.core.settings.SchoolSettings;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.SchoolId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Stores school settings and module switches and options, per school (R-TEN-1). */
public final class SettingsRepository {

    private final PortalStore store;

    public SettingsRepository(PortalStore store) {
        this.store = store;
    }

    /** The settings of each given school; schools that never saved any get the defaults. */
    public Map<SchoolId, SchoolSettings> schoolSettings(Collection<SchoolId> schools) {
        Map<SchoolId, SchoolSettings> result = new HashMap<>();
        if (schools.isEmpty()) {
            return result;
        }
        List<String> ids = schools.stream().map(SchoolId::value).distinct().toList();
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createQuery("""
                        select school_id, change_request_email, website_url, maintenance_mode
                        from school_settings where school_id in (<ids>)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> new SchoolSettings(SchoolId.of(rs.getString("school_id")),
                        rs.getString("change_request_email"), rs.getString("website_url"),
                        rs.getBoolean("maintenance_mode")))
                .forEach(s -> result.put(s.schoolId(), s)));
        for (SchoolId school : schools) {
            result.putIfAbsent(school, SchoolSettings.defaults(school));
        }
        return result;
    }

    public void saveSchoolSettings(Handle h, SchoolSettings settings, Instant now, String changedBy) {
        int updated = bind(h.createUpdate("""
                        update school_settings set change_request_email = :email, website_url = :url,
                               maintenance_mode = :maintenance,
                               updated_at = :now, updated_by = :by
                        where school_id = :school"""), settings, now, changedBy).execute();
        if (updated == 0) {
            bind(h.createUpdate("""
                            insert into school_settings (school_id, change_request_email, website_url, maintenance_mode,
                                                         updated_at, updated_by)
                            values (:school, :email, :url, :maintenance, :now, :by)"""),
                    settings, now, changedBy).execute();
        }
    }

    private static Update bind(Update update, SchoolSettings settings, Instant now, String changedBy) {
        return update.bind("email", settings.changeRequestEmail())
                .bind("url", settings.websiteUrl())
                .bind("maintenance", settings.maintenanceMode())
                .bind("now", Timestamps.toColumn(now))
                .bind("by", changedBy)
                .bind("school", settings.schoolId().value());
    }

    /** Stores (or with {@code null}, removes) a school's dashboard image, creating the settings row if needed. */
    public void saveDashboardImage(Handle h, SchoolId school, byte[] png, Instant now, String changedBy) {
        int updated = h.createUpdate("""
                        update school_settings set dashboard_image = :image, dashboard_image_type = :type,
                               updated_at = :now, updated_by = :by where school_id = :school""")
                .bind("image", png).bind("type", png == null ? null : "image/png")
                .bind("now", Timestamps.toColumn(now)).bind("by", changedBy).bind("school", school.value()).execute();
        if (updated == 0) {
            h.createUpdate("""
                            insert into school_settings (school_id, maintenance_mode, dashboard_image, dashboard_image_type,
                                                         updated_at, updated_by)
                            values (:school, false, :image, :type, :now, :by)""")
                    .bind("image", png).bind("type", png == null ? null : "image/png")
                    .bind("now", Timestamps.toColumn(now)).bind("by", changedBy).bind("school", school.value()).execute();
        }
    }

    public Optional<byte[]> dashboardImage(SchoolId school) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select dashboard_image from school_settings where school_id = :school and dashboard_image is not null")
                .bind("school", school.value()).mapTo(byte[].class).findOne());
    }

    /** The stored module switches of each given school; modules never switched are absent (off). */
    public Map<SchoolId, Map<String, ModuleSwitch>> moduleSwitches(Collection<SchoolId> schools) {
        Map<SchoolId, Map<String, ModuleSwitch>> result = new HashMap<>();
        if (schools.isEmpty()) {
            return result;
        }
        List<String> ids = schools.stream().map(SchoolId::value).distinct().toList();
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createQuery("""
                        select school_id, module_id, active, on_dashboard from module_settings
                        where school_id in (<ids>)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(SchoolId.of(rs.getString("school_id")), Map.entry(rs.getString("module_id"),
                        new ModuleSwitch(rs.getBoolean("active"), rs.getBoolean("on_dashboard")))))
                .forEach(e -> result.computeIfAbsent(e.getKey(), s -> new HashMap<>())
                        .put(e.getValue().getKey(), e.getValue().getValue())));
        return result;
    }

    /** The stored options of each module of a school, as JSON; modules without stored options are absent. */
    public Map<String, String> moduleOptionsJson(SchoolId school) {
        Map<String, String> result = new HashMap<>();
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createQuery("""
                        select module_id, options_json from module_settings
                        where school_id = :school and options_json is not null""")
                .bind("school", school.value())
                .map((rs, ctx) -> Map.entry(rs.getString("module_id"), rs.getString("options_json")))
                .forEach(e -> result.put(e.getKey(), e.getValue())));
        return result;
    }

    public Optional<String> moduleOptionsJson(SchoolId school, String moduleId) {
        return Optional.ofNullable(moduleOptionsJson(school).get(moduleId));
    }

    public void saveModule(Handle h, SchoolId school, String moduleId, ModuleSwitch moduleSwitch, String optionsJson,
                           Instant now, String changedBy) {
        int updated = bind(h.createUpdate("""
                        update module_settings set active = :active, on_dashboard = :dashboard, options_json = :options,
                               updated_at = :now, updated_by = :by
                        where school_id = :school and module_id = :module"""),
                school, moduleId, moduleSwitch, optionsJson, now, changedBy).execute();
        if (updated == 0) {
            bind(h.createUpdate("""
                            insert into module_settings (school_id, module_id, active, on_dashboard, options_json,
                                                         updated_at, updated_by)
                            values (:school, :module, :active, :dashboard, :options, :now, :by)"""),
                    school, moduleId, moduleSwitch, optionsJson, now, changedBy).execute();
        }
    }

    private static Update bind(Update update, SchoolId school, String moduleId, ModuleSwitch moduleSwitch,
                               String optionsJson, Instant now, String changedBy) {
        return update.bind("active", moduleSwitch.active())
                .bind("dashboard", moduleSwitch.onDashboard())
                .bind("options", optionsJson)
                .bind("now", Timestamps.toColumn(now))
                .bind("by", changedBy)
                .bind("school", school.value())
                .bind("module", moduleId);
    }
}
