package nl.ouderportaal.modules.medical;

import nl.ouderportaal.spi.host.GeneralPractitioner;

/**
 * A student's medical data as the host holds it. Every field is optional; a guardian can correct only
 * fields that have a value (R-CHG-4).
 *
 * @param generalPractitioner the GP (huisarts)
 * @param medicines medicines (medicijnen)
 * @param limitations limitations (beperkingen)
 * @param allergies allergies (allergieën)
 * @param other other medical information
 * @since 0.1
 */
public record MedicalRecord(GeneralPractitioner generalPractitioner, String medicines, String limitations,
                            String allergies, String other) {
}
