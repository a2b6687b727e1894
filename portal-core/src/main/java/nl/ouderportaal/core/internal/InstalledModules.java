package nl.ouderportaal.core.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.PortalConfigurationException;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * The content modules a portal runs with, in registration order, checked once at start-up. Internal:
 * public only so that the core's packages can share it.
 */
public final class InstalledModules {

    private final Map<String, ContentModule<?>> byId;
    private final Map<String, ModuleDescriptor<?>> descriptors;

    public InstalledModules(Collection<? extends ContentModule<?>> modules) {
        Map<String, ContentModule<?>> modulesById = new LinkedHashMap<>();
        Map<String, ModuleDescriptor<?>> descriptorsById = new LinkedHashMap<>();
        for (ContentModule<?> module : modules) {
            ModuleDescriptor<?> descriptor = module.descriptor();
            if (descriptor == null) {
                throw new PortalConfigurationException(
                        "Content module " + module.getClass().getName() + " returned no descriptor");
            }
            ContentModule<?> earlier = modulesById.putIfAbsent(descriptor.id(), module);
            if (earlier != null) {
                throw new PortalConfigurationException("Two content modules have the id '" + descriptor.id() + "': "
                        + earlier.getClass().getName() + " and " + module.getClass().getName()
                        + ". Module ids must be unique; install each module once.");
            }
            descriptorsById.put(descriptor.id(), descriptor);
        }
        this.byId = modulesById;
        this.descriptors = descriptorsById;
    }

    /** Fails naming the first module and the source the host does not supply. */
    public void requireSources(Set<Class<?>> available) {
        for (ModuleDescriptor<?> descriptor : descriptors.values()) {
            List<String> missing = descriptor.requiredSources().stream()
                    .filter(source -> !available.contains(source))
                    .map(Class::getName)
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                throw new PortalConfigurationException("Content module '" + descriptor.id() + "' ("
                        + byId.get(descriptor.id()).getClass().getName() + ") needs host source "
                        + String.join(", ", missing) + ", which the host did not register. Register it with "
                        + "Portal.builder().source(" + simpleName(missing.get(0)) + ".class, ...), or do not install the module.");
            }
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    public Optional<ContentModule<?>> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<ContentModule<?>> all() {
        return byId.values();
    }

    public List<ModuleDescriptor<?>> descriptors() {
        return List.copyOf(descriptors.values());
    }

    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    public Set<String> dashboardCapableIds() {
        return descriptors.values().stream().filter(ModuleDescriptor::dashboardCapable)
                .map(ModuleDescriptor::id).collect(Collectors.toUnmodifiableSet());
    }
}
