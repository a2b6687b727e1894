package nl.ouderportaal.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The host's {@code *Source} implementations, by interface. Immutable once built. */
public final class HostSources {

    private final Map<Class<?>, Object> sources;

    HostSources(Map<Class<?>, Object> sources) {
        this.sources = Map.copyOf(sources);
    }

    /** The host's implementation of the source interface, if registered. */
    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(sources.get(type)).map(type::cast);
    }

    /** The host's implementation; the portal checked at start-up that required ones exist. */
    public <S> S get(Class<S> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName() + " registered"));
    }

    /** The registered source interfaces. */
    public java.util.Set<Class<?>> registered() {
        return sources.keySet();
    }

    static final class Builder {
        private final Map<Class<?>, Object> sources = new HashMap<>();

        <S> void put(Class<S> type, S implementation) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(implementation, "implementation");
            if (!type.isInterface()) {
                throw new IllegalArgumentException("Register a source by its interface, not by " + type.getName());
            }
            if (!type.isInstance(implementation)) {
                throw new IllegalArgumentException(implementation.getClass().getName() + " does not implement " + type.getName());
            }
            sources.put(type, implementation);
        }

        HostSources build() {
            return new HostSources(sources);
        }
    }
}
