package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * A branch (vestiging) of a school, shown on the School page.
 *
 * @param name required
 * @param address optional
 * @param phone optional
 * @since 0.1
 */
public record Branch(String name, Address address, String phone) {

    public Branch {
        Objects.requireNonNull(name, "name");
    }
}
