package nl.ouderportaal.spi.host;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A student's personal data (personalia) as shown on the "about the child" page.
 *
 * @param birthDate required
 * @param birthPlace optional
 * @param gender required
 * @param nationality optional
 * @param countryOfOrigin the country of origin recorded for funding purposes, optional
 * @param phone the student's own phone number, optional
 * @param email the student's own email address, optional
 * @since 0.1
 */
public record StudentPersonalData(LocalDate birthDate, String birthPlace, Gender gender, String nationality,
                                  String countryOfOrigin, String phone, String email) {

    public StudentPersonalData {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
    }
}
