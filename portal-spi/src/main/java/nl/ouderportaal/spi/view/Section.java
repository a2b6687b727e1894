package nl.ouderportaal.spi.view;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What a content module shows on one page: a title and blocks. Immutable.
 *
 * <pre>{@code
 * return Optional.of(new Section(LocalizedText.of("Absenties", "Absences"), List.of(table)));
 * }</pre>
 *
 * @param anchor a stable key of the item the section shows (a report's id), for links to it and for a
 *     PDF of just that section; {@code null} when the section is not an item of its own
 * @param title required
 * @param blocks in display order
 * @since 0.1
 */
public record Section(String anchor, LocalizedText title, List<Block> blocks) {

    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        if (anchor != null && !anchor.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException("A section anchor is 1-64 letters, digits and _.:- : '" + anchor + "'");
        }
    }

    /** A section that is not an item of its own. */
    public Section(LocalizedText title, List<Block> blocks) {
        this(null, title, blocks);
    }
}
