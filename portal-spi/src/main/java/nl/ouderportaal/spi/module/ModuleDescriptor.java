package nl.ouderportaal.spi.module;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What the portal needs to know about a content module before calling it: a stable id, its names,
 * where it appears, whether it can show on the dashboard and supports earlier school years, its
 * options type with defaults, and the host sources it reads.
 *
 * <p>Immutable and thread-safe. The id is stored with each school's settings: never change it once
 * released. Ids are lower case letters, digits and dashes, 2 to 40 characters.
 *
 * <pre>{@code
 * ModuleDescriptor<NoOptions> descriptor = ModuleDescriptor
 *     .builder("absences", NoOptions.class, NoOptions.INSTANCE)
 *     .name("Absenties", "Absences")
 *     .dashboard(true)
 *     .earlierSchoolYears(true)
 *     .requires(AbsenceSource.class)
 *     .build();
 * }</pre>
 *
 * @param id stable id, such as {@code absences}
 * @param name the module's name as shown to administrators and guardians
 * @param placement where its page appears
 * @param dashboardCapable whether it can show entries on the dashboard (R-MOD-3)
 * @param earlierSchoolYears whether guardians can switch its page to an earlier school year (R-POR-4)
 * @param optionsType the options record; {@link NoOptions} for none
 * @param defaultOptions the options of a school that never set any (R-MOD-2)
 * @param requiredSources the host {@code *Source} interfaces the module reads
 * @param <O> the options type
 * @since 0.1
 */
public record ModuleDescriptor<O>(String id, LocalizedText name, Placement placement, boolean dashboardCapable,
                                  boolean earlierSchoolYears, Class<O> optionsType, O defaultOptions,
                                  Set<Class<?>> requiredSources) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "A module id is 2-40 lower case letters, digits and dashes, starting with a letter: '" + id + "'");
        }
        if (name == null) {
            throw new IllegalArgumentException("Module '" + id + "' has no name: give it one with "
                    + "ModuleDescriptor.builder(...).name(\"Dutch name\", \"English name\")");
        }
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(optionsType, "optionsType");
        Objects.requireNonNull(defaultOptions, "defaultOptions");
        if (!optionsType.isInstance(defaultOptions)) {
            throw new IllegalArgumentException("Default options of module '" + id + "' are not a " + optionsType.getName());
        }
        requiredSources = Set.copyOf(requiredSources);
        for (Class<?> source : requiredSources) {
            if (!source.isInterface()) {
                throw new IllegalArgumentException("Module '" + id + "' requires " + source.getName() + ", which is not an interface");
            }
        }
    }

    /**
     * Starts a descriptor. A name is required ({@link Builder#name}); the rest has defaults: placement
     * {@link Placement#CHILD_MENU}, no dashboard, no earlier school years, no required sources.
     */
    public static <O> Builder<O> builder(String id, Class<O> optionsType, O defaultOptions) {
        return new Builder<>(id, optionsType, defaultOptions);
    }

    /**
     * Builds a {@link ModuleDescriptor}. Not thread-safe; use once.
     *
     * @param <O> the options type
     */
    public static final class Builder<O> {
        private final String id;
        private final Class<O> optionsType;
        private final O defaultOptions;
        private LocalizedText name;
        private Placement placement = Placement.CHILD_MENU;
        private boolean dashboardCapable;
        private boolean earlierSchoolYears;
        private final Set<Class<?>> requiredSources = new LinkedHashSet<>();

        private Builder(String id, Class<O> optionsType, O defaultOptions) {
            this.id = id;
            this.optionsType = optionsType;
            this.defaultOptions = defaultOptions;
        }

        public Builder<O> name(String dutch, String english) {
            this.name = LocalizedText.of(dutch, english);
            return this;
        }

        public Builder<O> placement(Placement placement) {
            this.placement = placement;
            return this;
        }

        public Builder<O> dashboard(boolean capable) {
            this.dashboardCapable = capable;
            return this;
        }

        public Builder<O> earlierSchoolYears(boolean supported) {
            this.earlierSchoolYears = supported;
            return this;
        }

        public Builder<O> requires(Class<?>... sources) {
            requiredSources.addAll(Set.of(sources));
            return this;
        }

        public ModuleDescriptor<O> build() {
            return new ModuleDescriptor<>(id, name, placement, dashboardCapable, earlierSchoolYears, optionsType,
                    defaultOptions, requiredSources);
        }
    }
}
