/**
 * Module records (R-ACT-4): portal-owned, typed state for modules where no host keeps such data
 * (consent answers, bookings, hand-ins), kept in the portal's store with the same migrations on H2 and
 * PostgreSQL. Per school; found by child, by guardian and by a key the module chooses; a unique key
 * holds across threads and nodes; a kind may be append-only where the module needs proof. Records are in
 * the guardian's data export and are removed by housekeeping after their keep-until day.
 *
 * @since 0.2
 */
package nl.ouderportaal.spi.record;
