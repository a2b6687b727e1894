package nl.ouderportaal.spi.module;

import java.time.LocalDate;

/**
 * What the portal hands a module for one call: today's date, the school's options for the module and
 * the host sources the module declared.
 *
 * <p>A context lives for one call on one thread; do not keep it. Never {@code null}.
 *
 * @param <O> the module's options type
 * @since 0.1
 */
public interface ModuleContext<O> {

    /** Today in the school's time zone, from the portal's injected clock. */
    LocalDate today();

    /** The options the school set for this module, or the module's defaults. Never {@code null}. */
    O options();

    /**
     * A host source the module declared in {@link ModuleDescriptor#requiredSources()}.
     *
     * @throws IllegalStateException when the module did not declare the source
     */
    <S> S source(Class<S> type);

    /**
     * A host interface the module declared as a source or that one of its actions declared as a sink, if the
     * host supplies it: for a page that shows what an action recorded (a leave request's decision) at a
     * portal whose host may have left that action out.
     *
     * @throws IllegalStateException when the module declared no such interface
     * @since 0.2
     */
    default <S> java.util.Optional<S> findSource(Class<S> type) {
        return java.util.Optional.of(source(type));
    }
}
