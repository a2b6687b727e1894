package nl.ouderportaal.core.changes;

import java.time.Clock;
import java.util.regex.Pattern;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.module.GuardianReply;

/**
 * Guardians' replies to items of a module, such as notes (R-NOTE): only for a visible child, only where
 * the module is active and allows replies, only to an item the guardian can see; plain text of 1 to 2,000
 * characters; refused in an impersonation. The module hands the reply to the host. Thread-safe.
 */
public final class Replies {

    public static final int MAX_LENGTH = 2000;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final PortalStore store;
    private final HostSources sources;
    private final GuardianPortal guardians;
    private final Authentication authentication;
    private final AuditLog audit;
    private final Clock clock;

    public Replies(PortalStore store, HostSources sources, GuardianPortal guardians, Authentication authentication,
                   AuditLog audit, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.guardians = guardians;
        this.authentication = authentication;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Replies to an item (a note's id) of a module (such as {@code notes}) for a child.
     *
     * @throws ImpersonationReadOnlyException in an impersonation; nothing is handed on
     * @throws PortalValidationException for text that is empty, too long or holds control characters, and
     *     when replying is not possible for this child, module or item
     */
    public void reply(String sessionToken, StudentId child, String moduleId, String itemId, String text) {
        Session session = authentication.requireSession(sessionToken);
        session.requireWritable();
        String clean = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (clean.isEmpty()) {
            throw PortalValidationException.of("text", "Schrijf een reactie.", "Write a reply.");
        }
        if (clean.length() > MAX_LENGTH) {
            throw PortalValidationException.of("text", "Een reactie is hoogstens 2.000 tekens lang.",
                    "A reply is at most 2,000 characters long.");
        }
        if (CONTROL.matcher(clean).find()) {
            throw PortalValidationException.of("text", "De reactie bevat tekens die niet zijn toegestaan.",
                    "The reply contains characters that are not allowed.");
        }
        Guardian guardian = sources.get(GuardianSource.class).guardian(session.guardian()).orElseThrow();
        GuardianReply.Outcome outcome = guardians.reply(Viewer.of(session), child, moduleId, itemId,
                new GuardianReply(session.guardian(), guardian.name(), clean, clock.instant()));
        switch (outcome) {
            case ACCEPTED -> store.jdbi().useHandle(h -> audit.append(h, new AuditEvent(clock.instant(), "reply.sent", null,
                    AuditEvent.ActorType.GUARDIAN, session.guardian().value(), null, session.guardian(),
                    moduleId + " " + itemId + " for " + child)));
            case NOT_ALLOWED -> throw PortalValidationException.of("", "Reageren is hier niet mogelijk.",
                    "Replying is not possible here.");
            case UNKNOWN_ITEM -> throw PortalValidationException.of("item", "Dit bericht is niet (meer) zichtbaar.",
                    "This item is not (or no longer) visible.");
        }
    }
}
