package nl.ouderportaal.core.settings;

import nl.ouderportaal.core.internal.SettingsRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.internal.InstalledModules;
import nl.ouderportaal.core.internal.ModuleOptionsCodec;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.jdbi.v3.core.Handle;

/**
 * A school's portal configuration: settings (R-SET) and modules (R-MOD), per school (R-TEN-1). Every
 * change is validated first, stored with an audit entry in one transaction, and seen by every guardian
 * on their next request (R-SET-6): nothing is cached. Thread-safe.
 *
 * <p>Callers are trusted to have checked the administrator's role and schools; the staff-facing API
 * that does so is built on top of this.
 */
public final class SchoolConfiguration {

    private final PortalStore store;
    private final SettingsRepository repository;
    private final InstalledModules modules;
    private final ModuleOptionsCodec codec;
    private final CommandValidator validator;
    private final AuditLog audit;
    private final Clock clock;

    public SchoolConfiguration(PortalStore store, SettingsRepository repository, InstalledModules modules,
                               ModuleOptionsCodec codec, CommandValidator validator, AuditLog audit, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.modules = modules;
        this.codec = codec;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    public SchoolSettings settings(SchoolId school) {
        return repository.schoolSettings(Set.of(school)).get(school);
    }

    /**
     * Replaces the school's settings.
     *
     * @throws PortalValidationException when a field is invalid; nothing is changed then
     */
    public SchoolSettings updateSettings(SchoolId school, SchoolSettingsUpdate update, String changedBy) {
        validator.validate(update);
        SchoolSettings settings = new SchoolSettings(school, update.changeRequestEmail(), update.websiteUrl(),
                update.maintenanceMode());
        inTransaction(h -> {
            SchoolSettings before = settings(school);
            repository.saveSchoolSettings(h, settings, clock.instant(), changedBy);
            audit(h, school, "settings.changed", changedBy, describeChange(before, settings));
        });
        return settings;
    }

    /** Switches maintenance mode (R-SET-4) and leaves the other settings as they are. */
    public void setMaintenanceMode(SchoolId school, boolean on, String changedBy) {
        SchoolSettings current = settings(school);
        updateSettings(school, new SchoolSettingsUpdate(current.changeRequestEmail(), current.websiteUrl(), on),
                changedBy);
    }

    /**
     * Sets the dashboard image from an upload (R-SET-3): cropped to its centre square and scaled.
     *
     * @throws PortalValidationException when the file is not a usable PNG or JPEG; nothing is stored
     */
    public void setDashboardImage(SchoolId school, byte[] upload, String changedBy) {
        byte[] png = DashboardImages.process(upload);
        inTransaction(h -> {
            repository.saveDashboardImage(h, school, png, clock.instant(), changedBy);
            audit(h, school, "settings.image.changed", changedBy, png.length + " bytes");
        });
    }

    /** Removes the dashboard image; guardians see the default again. */
    public void removeDashboardImage(SchoolId school, String changedBy) {
        inTransaction(h -> {
            repository.saveDashboardImage(h, school, null, clock.instant(), changedBy);
            audit(h, school, "settings.image.removed", changedBy, null);
        });
    }

    /** The school's dashboard image as PNG, or the default image when none is set. */
    public byte[] dashboardImage(SchoolId school) {
        return repository.dashboardImage(school).orElseGet(DashboardImages::defaultImage);
    }

    /** Every installed module, built-in and custom, with its state and options at the school. */
    public List<ModuleState> modules(SchoolId school) {
        Map<String, ModuleSwitch> switches = repository.moduleSwitches(Set.of(school)).getOrDefault(school, Map.of());
        Map<String, String> options = repository.moduleOptionsJson(school);
        return modules.descriptors().stream()
                .map(d -> new ModuleState(d, switches.getOrDefault(d.id(), ModuleSwitch.OFF),
                        codec.read(d, options.get(d.id()))))
                .toList();
    }

    public ModuleState module(SchoolId school, String moduleId) {
        ModuleDescriptor<?> descriptor = descriptor(moduleId);
        return modules(school).stream().filter(m -> m.descriptor().equals(descriptor)).findFirst().orElseThrow();
    }

    /** Activates a module for the school (R-MOD-2). */
    public void activate(SchoolId school, String moduleId, String changedBy) {
        ModuleState state = module(school, moduleId);
        save(school, state, new ModuleSwitch(true, state.moduleSwitch().onDashboard()), state.options(), changedBy,
                "module.activated");
    }

    /** Deactivates a module for the school; it also leaves the dashboard (R-MOD-3). */
    public void deactivate(SchoolId school, String moduleId, String changedBy) {
        ModuleState state = module(school, moduleId);
        save(school, state, new ModuleSwitch(false, false), state.options(), changedBy, "module.deactivated");
    }

    /**
     * Shows or hides a module on the dashboard (R-MOD-3).
     *
     * @throws PortalValidationException when showing a module that is inactive or cannot show on the dashboard
     */
    public void showOnDashboard(SchoolId school, String moduleId, boolean show, String changedBy) {
        ModuleState state = module(school, moduleId);
        String name = state.descriptor().name().nl();
        if (show && !state.descriptor().dashboardCapable()) {
            throw PortalValidationException.of("onDashboard",
                    "De module " + name + " kan niet op het dashboard worden getoond.",
                    "The module " + state.descriptor().name().en() + " cannot be shown on the dashboard.");
        }
        if (show && !state.moduleSwitch().active()) {
            throw PortalValidationException.of("onDashboard",
                    "Activeer eerst de module " + name + "; pas daarna kan deze op het dashboard worden getoond.",
                    "Activate the module " + state.descriptor().name().en() + " first; only then can it be shown on the dashboard.");
        }
        save(school, state, new ModuleSwitch(state.moduleSwitch().active(), show), state.options(), changedBy,
                show ? "module.dashboard.shown" : "module.dashboard.hidden");
    }

    /**
     * Replaces a module's options for the school (R-MOD-4), after Bean Validation of the options.
     *
     * @throws PortalValidationException when the options break a constraint or are of the wrong type
     */
    public void setOptions(SchoolId school, String moduleId, Object options, String changedBy) {
        ModuleState state = module(school, moduleId);
        if (options == null || !state.descriptor().optionsType().isInstance(options)) {
            throw PortalValidationException.of("options",
                    "Deze opties horen niet bij de module " + state.descriptor().name().nl() + ".",
                    "These options do not belong to the module " + state.descriptor().name().en() + ".");
        }
        validator.validate(options);
        save(school, state, state.moduleSwitch(), options, changedBy, "module.options.changed");
    }

    /** The options the school set for an installed module, or its defaults. */
    public <O> O options(SchoolId school, ContentModule<O> module) {
        ModuleDescriptor<O> descriptor = module.descriptor();
        return codec.read(descriptor, repository.moduleOptionsJson(school, descriptor.id()).orElse(null));
    }

    private void save(SchoolId school, ModuleState state, ModuleSwitch newSwitch, Object options, String changedBy,
                      String action) {
        inTransaction(h -> {
            repository.saveModule(h, school, state.descriptor().id(), newSwitch, codec.write(options), clock.instant(),
                    changedBy);
            audit(h, school, action, changedBy, "module=" + state.descriptor().id());
        });
    }

    private ModuleDescriptor<?> descriptor(String moduleId) {
        return modules.find(moduleId).map(ContentModule::descriptor).orElseThrow(() -> PortalValidationException.of(
                "module", "Onbekende module: " + moduleId + ".", "Unknown module: " + moduleId + "."));
    }

    private void audit(Handle h, SchoolId school, String action, String changedBy, String detail) {
        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), action, school, AuditEvent.ActorType.STAFF, null, changedBy,
                null, detail));
    }

    private void inTransaction(java.util.function.Consumer<Handle> work) {
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(work::accept);
    }

    private static String describeChange(SchoolSettings before, SchoolSettings after) {
        StringBuilder detail = new StringBuilder();
        appendIfChanged(detail, "changeRequestEmail", before.changeRequestEmail(), after.changeRequestEmail());
        appendIfChanged(detail, "websiteUrl", before.websiteUrl(), after.websiteUrl());
        appendIfChanged(detail, "maintenanceMode", before.maintenanceMode(), after.maintenanceMode());
        return detail.length() == 0 ? "no change" : detail.toString();
    }

    private static void appendIfChanged(StringBuilder detail, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            detail.append(detail.length() == 0 ? "" : "; ").append(field).append(": ").append(before).append(" -> ").append(after);
        }
    }
}
