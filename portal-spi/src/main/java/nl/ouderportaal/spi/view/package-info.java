/**
 * A small, renderer-neutral page model that content modules return: sections of tables, field lists
 * and paragraphs whose values are typed (text, localised text, dates), so that the portal renders them
 * in the viewer's language and Dutch date style, as HTML or as JSON, without module-specific templates.
 *
 * @since 0.1
 */
package nl.ouderportaal.spi.view;
