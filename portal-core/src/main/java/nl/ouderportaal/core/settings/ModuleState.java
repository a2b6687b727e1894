package nl.ouderportaal.core.settings;

import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * An installed module as a school administrator sees it: its descriptor, whether it is active and on
 * the dashboard at the school, and the school's options (or the defaults).
 *
 * @param descriptor the module's descriptor
 * @param moduleSwitch active / on the dashboard
 * @param options the school's options for the module, never {@code null}
 */
public record ModuleState(ModuleDescriptor<?> descriptor, ModuleSwitch moduleSwitch, Object options) {
}
