package nl.ouderportaal.spi.view;

import java.util.List;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What a content module shows on one page: a title and blocks. Immutable.
 *
 * <pre>{@code
 * Section section = new Section(LocalizedText.of("Absenties", "Absences"), List.of(table));
 * }</pre>
 *
 * @param anchor a stable key of the item the section shows (a report's id), for links to it and for a
 *     PDF of just that section; {@code null} when the section is not an item of its own
 * @param title required
 * @param blocks in display order
 * @param acceptsReplies whether the guardian may reply to the item this section shows (a note at a school
 *     that takes replies); only meaningful with an anchor, which is then the item id passed to
 *     {@code ContentModule.reply}. A front end shows a reply form for such sections.
 * @since 0.1
 */
public record Section(String anchor, LocalizedText title, List<Block> blocks, boolean acceptsReplies) {

    public Section {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        if (anchor != null && !isValidAnchor(anchor)) {
            throw new IllegalArgumentException("A section anchor is 1-64 letters, digits and _.:- : '" + anchor + "'");
        }
        if (acceptsReplies && anchor == null) {
            throw new IllegalArgumentException("A section that accepts replies needs the anchor of its item");
        }
    }

    /** A section that shows an item of its own (or not, with a {@code null} anchor), without replies. */
    public Section(String anchor, LocalizedText title, List<Block> blocks) {
        this(anchor, title, blocks, false);
    }

    /** Whether {@code id} can serve as an anchor: host ids that don't are shown without one. */
    public static boolean isValidAnchor(String id) {
        return id != null && id.matches("[A-Za-z0-9_.:-]{1,64}");
    }

    /** A section that is not an item of its own. */
    public Section(LocalizedText title, List<Block> blocks) {
        this(null, title, blocks);
    }
}
