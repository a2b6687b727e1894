package nl.ouderportaal.spi.host;

import java.util.Objects;

/**
 * A postal address in Dutch style.
 *
 * <pre>{@code
 * Address home = new Address("Kerkstraat", "12a", "1234 AB", "Utrecht", null);
 * }</pre>
 *
 * @param street street name, required
 * @param houseNumber house number with addition, required
 * @param postalCode postal code, optional
 * @param city place of residence, required
 * @param country country, optional; {@code null} means the Netherlands
 * @since 0.1
 */
public record Address(String street, String houseNumber, String postalCode, String city, String country) {

    public Address {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(houseNumber, "houseNumber");
        Objects.requireNonNull(city, "city");
    }

    /** {@code "Kerkstraat 12a, 1234 AB Utrecht"}. */
    public String oneLine() {
        String place = postalCode == null ? city : postalCode + " " + city;
        return street + " " + houseNumber + ", " + place + (country == null ? "" : ", " + country);
    }
}
