package nl.ouderportaal.spi.module;

import nl.ouderportaal.spi.host.School;

/**
 * The context of a call about a school's page, for a viewer who has a visible child at that school.
 *
 * @param <O> the module's options type
 * @since 0.1
 */
public interface SchoolContext<O> extends ModuleContext<O> {

    School school();
}
