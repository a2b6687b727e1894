package nl.ouderportaal.modules.notes;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.StudentId;

/**
 * A note in a student's file, with its category; the host's category flag says whether notes of that
 * category are published to the portal (Beheer &gt; Notitiecategorieën).
 *
 * @param id the host's id, required
 * @param student required
 * @param date required
 * @param category the category's name, required
 * @param categoryPublished whether the category is published to the portal
 * @param subject required
 * @param text plain text, required (may be empty)
 * @param author the name shown as "created by", optional
 * @since 0.1
 */
public record Note(String id, StudentId student, LocalDate date, String category, boolean categoryPublished,
                   String subject, String text, String author) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
