package nl.ouderportaal.core.notify;

import java.time.LocalDate;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;

/**
 * What the host reports as new (R-NTF-1): it calls {@link Notifications#published(NewItem)} when it stores
 * an absence, plan or note, locks a report, or publishes an activity. Reporting the same item twice is
 * harmless.
 *
 * @param kind the module id ({@code absences}, {@code plans}, {@code notes}, {@code reports}) or {@code activities}
 * @param school the school
 * @param child the child, or {@code null} for an activity
 * @param itemId the host's id of the item
 * @param title what a guardian reads
 * @param date the item's date
 */
public record NewItem(String kind, SchoolId school, StudentId child, String itemId, LocalizedText title, LocalDate date) {

    public NewItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
    }
}
