package nl.ouderportaal.spi.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ouderportaal.spi.LocalizedText;

/**
 * What became of an action that ran: a confirmation a parent reads, whether something new was created
 * (HTTP 201) or an existing thing changed (200), an optional reference (the host's, or a record's id),
 * the mails to send, and a few values the JSON API returns beside the message.
 *
 * <pre>{@code
 * ActionOutcome outcome = ActionOutcome.created("Uw ziekmelding is ontvangen.", "Your report has been received.")
 *     .reference("report-17")
 *     .mail(ActionMail.toActor("report-sick", "Ziekmelding ontvangen", "De school heeft uw ziekmelding ontvangen."));
 * }</pre>
 *
 * @param created whether the action created something
 * @param message the confirmation
 * @param reference a reference to what was created or changed; {@code null} for none
 * @param mails mails to send through the outbox, in the action's transaction
 * @param details values the JSON API returns beside {@code message} (strings, numbers, booleans)
 * @param audit a short, data-free line for the school's audit log, such as {@code "report 17, 2 days"}; {@code null} for none
 * @since 0.2
 */
public record ActionOutcome(boolean created, LocalizedText message, String reference, List<ActionMail> mails,
                            Map<String, Object> details, String audit) {

    public ActionOutcome {
        Objects.requireNonNull(message, "message");
        mails = List.copyOf(mails);
        details = Map.copyOf(details);
    }

    public static ActionOutcome created(String dutch, String english) {
        return new ActionOutcome(true, LocalizedText.of(dutch, english), null, List.of(), Map.of(), null);
    }

    public static ActionOutcome done(String dutch, String english) {
        return new ActionOutcome(false, LocalizedText.of(dutch, english), null, List.of(), Map.of(), null);
    }

    public ActionOutcome reference(String value) {
        return new ActionOutcome(created, message, value, mails, details, audit);
    }

    public ActionOutcome mail(ActionMail mail) {
        List<ActionMail> all = new ArrayList<>(mails);
        all.add(mail);
        return new ActionOutcome(created, message, reference, all, details, audit);
    }

    public ActionOutcome detail(String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put(key, value);
        return new ActionOutcome(created, message, reference, mails, all, audit);
    }

    public ActionOutcome audit(String line) {
        return new ActionOutcome(created, message, reference, mails, details, line);
    }
}
