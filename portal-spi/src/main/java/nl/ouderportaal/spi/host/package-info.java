/**
 * Host data: the records a host (SIS) supplies and the narrow {@code *Source} interfaces it implements.
 *
 * <p>The portal never copies this data into its own store; it reads it on demand, through calls that
 * are batch-friendly (one call per guardian, or per child and school year; never one per row).
 * Records are immutable. Fields documented as optional may be {@code null}; list fields are never
 * {@code null} (use an empty list) and are copied on construction.
 *
 * <p>Every source is called from many threads at once (one per request) and must be thread-safe.
 * A source must not apply portal visibility rules (viewing rights, enrolment, modules): it returns
 * the host's data as it is, and the portal's single visibility policy decides what is shown.
 *
 * @since 0.1
 */
package nl.ouderportaal.spi.host;
