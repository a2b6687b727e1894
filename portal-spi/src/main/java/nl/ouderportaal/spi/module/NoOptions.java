package nl.ouderportaal.spi.module;

/**
 * The options type of a module that has no options.
 *
 * <pre>{@code
 * ModuleDescriptor<NoOptions> descriptor = ModuleDescriptor.builder("absences", NoOptions.class, NoOptions.INSTANCE)
 *     .name("Absenties", "Absences").build();
 * }</pre>
 *
 * @since 0.1
 */
public enum NoOptions {
    INSTANCE
}
