package nl.ouderportaal.modules.medical;

import java.util.Optional;
import nl.ouderportaal.spi.StudentId;

/**
 * Supplies a student's medical data. Implemented by the host; thread-safe; never {@code null}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MedicalSource {

    /** The student's medical data, or empty when the host has none. One call per child page. */
    Optional<MedicalRecord> medical(StudentId student);
}
