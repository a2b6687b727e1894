package nl.ouderportaal.spi.host;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A student's registration at the school (schoolaanmelding).
 *
 * @param registrationDate when the student was registered, required
 * @param firstSchoolDay the first day at this school, optional (unknown or still in the future)
 * @param previousSchool the school the student came from, optional
 * @since 0.1
 */
public record Registration(LocalDate registrationDate, LocalDate firstSchoolDay, String previousSchool) {

    public Registration {
        Objects.requireNonNull(registrationDate, "registrationDate");
    }
}
