package nl.ouderportaal.spi.view;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * One block of a {@link Section}. Immutable; lists are copied on construction and never {@code null}.
 *
 * <pre>{@code
 * Block table = new Block.Table(
 *     List.of(LocalizedText.of("Datum", "Date"), LocalizedText.of("Reden", "Reason")),
 *     List.of(List.of(Value.day(day), Value.text("Griep"))),
 *     LocalizedText.of("Geen absenties.", "No absences."));
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Block {

    /**
     * Rows of values under column headers.
     *
     * @param headers the column headers
     * @param rows each row has exactly one value per header
     * @param emptyMessage shown instead of the table when there are no rows
     */
    record Table(List<LocalizedText> headers, List<List<Value>> rows, LocalizedText emptyMessage) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            Objects.requireNonNull(emptyMessage, "emptyMessage");
            for (List<Value> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("Row has " + row.size() + " values for " + headers.size() + " headers");
                }
            }
        }
    }

    /** Labelled values, such as personal data. */
    record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    /** One labelled value of {@link Fields}. */
    record Field(LocalizedText label, Value value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A paragraph of text. */
    record Paragraph(Value text) implements Block {
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A highlighted message, such as "the school has not published this yet". */
    record Notice(LocalizedText text) implements Block {
        public Notice {
            Objects.requireNonNull(text, "text");
        }
    }
}
