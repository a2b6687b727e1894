package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * A general practitioner (huisarts).
 *
 * @param name required
 * @param practice optional
 * @param phone optional
 * @param address optional
 * @since 0.1
 */
public record GeneralPractitioner(String name, String practice, String phone, Address address) {

    public GeneralPractitioner {
        Objects.requireNonNull(name, "name");
    }
}
