package nl.ouderportaal.modules.methodtests;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * A result of a method test (methodetoets): a test of the teaching method used in class.
 *
 * @param id the host's id, required
 * @param student required
 * @param subject for example "Rekenen", required
 * @param method the teaching method, for example "Wereld in getallen", optional
 * @param test the test's name, for example "Blok 3", required
 * @param date required
 * @param score the result as the school records it, for example "8,5" or "Goed", required
 * @param remark optional
 * @since 0.1
 */
public record MethodTestResult(String id, StudentId student, String subject, String method, String test, LocalDate date,
                               String score, String remark) {

    public MethodTestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(score, "score");
    }
}
