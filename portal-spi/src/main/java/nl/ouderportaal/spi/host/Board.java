package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * The school board (bestuur) a school belongs to, shown on the School page.
 *
 * @param name required
 * @param address optional
 * @param email optional
 * @param website optional
 * @since 0.1
 */
public record Board(String name, Address address, String email, String website) {

    public Board {
        Objects.requireNonNull(name, "name");
    }
}
