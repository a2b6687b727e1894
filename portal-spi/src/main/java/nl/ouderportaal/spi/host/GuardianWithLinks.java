package nl.ouderportaal.spi.host;

import java.util.List;
import java.util.Objects;

/**
 * A guardian with their links to students, as the account overview lists them (R-ACC-11).
 *
 * @param guardian the guardian
 * @param links the guardian's links to students of the school asked for
 * @since 0.1
 */
public record GuardianWithLinks(Guardian guardian, List<GuardianLink> links) {

    public GuardianWithLinks {
        Objects.requireNonNull(guardian, "guardian");
        links = List.copyOf(links);
    }
}
