package nl.ouderportaal.spi.action;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What a staff view shows: a titled table. The portal renders it as JSON, as an xlsx sheet (every text
 * cell written as text, never as a formula) and as an A4 PDF.
 *
 * @param title the heading and file name's base
 * @param headers the column headers
 * @param rows the rows, each as long as the headers, cells as text
 * @param note a line under the table (who has not answered yet); {@code null} for none
 * @since 0.2
 */
public record StaffTable(LocalizedText title, List<LocalizedText> headers, List<List<String>> rows, LocalizedText note) {

    public StaffTable {
        Objects.requireNonNull(title, "title");
        headers = List.copyOf(headers);
        int columns = headers.size();
        rows = rows.stream().map(row -> {
            if (row.size() != columns) {
                throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns + " headers");
            }
            return row.stream().map(cell -> cell == null ? "" : cell).toList();
        }).toList();
    }
}
