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
 * @param title required
 * @param blocks in display order
 * @since 0.1
 */
public record Section(LocalizedText title, List<Block> blocks) {

    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
