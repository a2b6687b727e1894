package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * An emergency number (noodnummer) of a student.
 *
 * @param name whom to call, required
 * @param relation for example "oma" or "buren", optional
 * @param phone required
 * @since 0.1
 */
public record EmergencyContact(String name, String relation, String phone) {

    public EmergencyContact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
    }
}
