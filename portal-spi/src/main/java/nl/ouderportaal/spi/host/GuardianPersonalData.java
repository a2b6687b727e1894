package nl.ouderportaal.spi.host;

import java.time.LocalDate;

/**
 * A guardian's personal data. Country of birth and education level may affect the funding
 * (weighting) of the guardian's children (R-CHG-3).
 *
 * @param birthDate optional
 * @param gender optional
 * @param countryOfBirth optional
 * @param nationality optional
 * @param educationLevel the education level (opleiding) as recorded, optional
 * @since 0.1
 */
public record GuardianPersonalData(LocalDate birthDate, Gender gender, String countryOfBirth, String nationality,
                                   String educationLevel) {
}
