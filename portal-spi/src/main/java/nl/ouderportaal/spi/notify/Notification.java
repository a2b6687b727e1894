package nl.ouderportaal.spi.notify;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StudentId;

/**
 * Something new a guardian may see (R-NTF-1): an absence, plan, note, report or activity.
 *
 * @param kind the module id ({@code absences}, {@code notes}, ...) or {@code activities}
 * @param child the child it is about, or {@code null} for a school-wide activity
 * @param childName the child's name, or {@code null}
 * @param title what it is, such as "Nieuw rapport: Rapport 1"
 * @param date the item's date
 * @since 0.1
 */
public record Notification(String kind, StudentId child, String childName, LocalizedText title, LocalDate date) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
    }
}
