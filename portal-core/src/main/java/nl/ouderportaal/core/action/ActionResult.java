package nl.ouderportaal.core.action;

import java.util.Map;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What became of an action that ran and was committed.
 *
 * @param created whether something new was created (HTTP 201) or something changed (200)
 * @param message the confirmation the guardian or staff user reads
 * @param reference the module's reference, or {@code null}
 * @param details values beside the message
 */
public record ActionResult(boolean created, LocalizedText message, String reference, Map<String, Object> details) {

    public ActionResult {
        details = Map.copyOf(details);
    }
}
