package nl.ouderportaal.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.PortalConfigurationException;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.module.ContentModule;

/**
 * The actions and staff views of the installed modules (and of the core's own areas), read once at
 * start-up and checked: ids unique within their area, every sink an action declares supplied by the host
 * unless the host left the action out. Internal; immutable.
 */
public final class ActionCatalog {

    /** An area that has actions: a content module, or one of the core's own pages. */
    public record Area(String id, ContentModule<?> module, boolean core) {
    }

    private final Map<String, Area> areas = new LinkedHashMap<>();
    private final Map<String, Map<String, GuardianAction<?, ?>>> guardianActions = new LinkedHashMap<>();
    private final Map<String, Map<String, StaffAction<?, ?>>> staffActions = new LinkedHashMap<>();
    private final Map<String, Map<String, StaffView<?>>> staffViews = new LinkedHashMap<>();

    /**
     * @param modules the installed content modules
     * @param coreAreas the core's own areas ({@code about}, {@code profile}), as modules that are never switched off
     * @param excluded {@code moduleId/actionId} of actions the host left out
     * @param supplied the interfaces the host supplies
     * @throws PortalConfigurationException for a duplicate id or a missing sink, naming the fix
     */
    public ActionCatalog(Collection<? extends ContentModule<?>> modules, Collection<? extends ContentModule<?>> coreAreas,
                         Set<String> excluded, Set<Class<?>> supplied) {
        Set<String> unused = new HashSet<>(excluded);
        List<String> missing = new ArrayList<>();
        for (ContentModule<?> module : modules) {
            add(new Area(module.descriptor().id(), module, false), excluded, unused, supplied, missing);
        }
        for (ContentModule<?> area : coreAreas) {
            add(new Area(area.descriptor().id(), area, true), excluded, unused, supplied, missing);
        }
        if (!missing.isEmpty()) {
            throw new PortalConfigurationException(String.join("\n", missing));
        }
        if (!unused.isEmpty()) {
            throw new PortalConfigurationException("withoutAction names actions that no installed module has: "
                    + String.join(", ", unused.stream().sorted().toList()));
        }
    }

    private void add(Area area, Set<String> excluded, Set<String> unused, Set<Class<?>> supplied, List<String> missing) {
        areas.put(area.id(), area);
        Map<String, GuardianAction<?, ?>> actions = new LinkedHashMap<>();
        for (GuardianAction<?, ?> action : area.module().actions()) {
            String id = action.descriptor().id();
            String qualified = area.id() + "/" + id;
            unused.remove(qualified);
            if (excluded.contains(qualified)) {
                continue;
            }
            if (actions.put(id, action) != null) {
                throw new PortalConfigurationException("Content module '" + area.id() + "' declares two actions with id '" + id + "'");
            }
            for (Class<?> sink : action.requiredSinks()) {
                if (!supplied.contains(sink)) {
                    missing.add("Action '" + id + "' of content module '" + area.id() + "' needs the host sink "
                            + sink.getName() + ": supply it with .source(" + sink.getSimpleName() + ".class, ...), or leave the"
                            + " action out with .withoutAction(\"" + area.id() + "\", \"" + id + "\")");
                }
            }
        }
        guardianActions.put(area.id(), actions);
        Map<String, StaffAction<?, ?>> staff = new LinkedHashMap<>();
        for (StaffAction<?, ?> action : area.module().staffActions()) {
            String id = action.descriptor().id();
            if (staff.put(id, action) != null) {
                throw new PortalConfigurationException("Content module '" + area.id() + "' declares two staff actions with id '" + id + "'");
            }
            for (Class<?> sink : action.requiredSinks()) {
                if (!supplied.contains(sink)) {
                    missing.add("Staff action '" + id + "' of content module '" + area.id() + "' needs the host sink "
                            + sink.getName() + ": supply it with .source(" + sink.getSimpleName() + ".class, ...)");
                }
            }
        }
        staffActions.put(area.id(), staff);
        Map<String, StaffView<?>> views = new LinkedHashMap<>();
        for (StaffView<?> view : area.module().staffViews()) {
            if (views.put(view.descriptor().id(), view) != null) {
                throw new PortalConfigurationException("Content module '" + area.id() + "' declares two staff views with id '"
                        + view.descriptor().id() + "'");
            }
        }
        staffViews.put(area.id(), views);
    }

    public Optional<Area> area(String id) {
        return Optional.ofNullable(areas.get(id));
    }

    public Collection<Area> areas() {
        return areas.values();
    }

    public Collection<GuardianAction<?, ?>> actions(String area) {
        return guardianActions.getOrDefault(area, Map.of()).values();
    }

    public Optional<GuardianAction<?, ?>> action(String area, String id) {
        return Optional.ofNullable(guardianActions.getOrDefault(area, Map.of()).get(id));
    }

    public Collection<StaffAction<?, ?>> staffActions(String area) {
        return staffActions.getOrDefault(area, Map.of()).values();
    }

    public Optional<StaffAction<?, ?>> staffAction(String area, String id) {
        return Optional.ofNullable(staffActions.getOrDefault(area, Map.of()).get(id));
    }

    public Collection<StaffView<?>> staffViews(String area) {
        return staffViews.getOrDefault(area, Map.of()).values();
    }

    public Optional<StaffView<?>> staffView(String area, String id) {
        return Optional.ofNullable(staffViews.getOrDefault(area, Map.of()).get(id));
    }
}
