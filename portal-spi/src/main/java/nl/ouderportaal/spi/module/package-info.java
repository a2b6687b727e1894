/**
 * The content-module SPI: one interface, {@link nl.ouderportaal.spi.module.ContentModule}, per
 * content area (absences, notes, reports, ... and integrators' own).
 *
 * <p>Write a module in four steps: describe it ({@link nl.ouderportaal.spi.module.ModuleDescriptor}),
 * name the host sources it reads, shape what a child page and the dashboard show from those sources,
 * and register it with the portal builder. Modules never decide whether a viewer may see a child or a
 * module: the portal only calls them for what its visibility policy allows.
 *
 * @since 0.1
 */
package nl.ouderportaal.spi.module;
