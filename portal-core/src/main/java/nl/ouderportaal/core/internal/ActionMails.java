package nl.ouderportaal.core.internal;

import java.time.Instant;
import java.util.List;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.action.ActionMail;
import org.jdbi.v3.core.Handle;

/** An action's mails into the outbox, in the action's transaction. Internal. */
public final class ActionMails {

    private ActionMails() {
    }

    /**
     * @param actor the guardian who acted, for {@link ActionMail.Recipient#ACTOR}; {@code null} for staff (such mails are skipped)
     * @return how many mails were queued
     */
    public static int enqueue(Handle h, MailOutbox outbox, AccountRepository accounts, List<ActionMail> mails, GuardianId actor,
                              SchoolId school, Instant now) {
        int queued = 0;
        for (ActionMail mail : mails) {
            GuardianId about = switch (mail.to()) {
                case ACTOR -> actor;
                case GUARDIAN -> mail.guardian();
                case ADDRESS -> actor;
            };
            String to = switch (mail.to()) {
                case ADDRESS -> mail.address();
                case ACTOR, GUARDIAN -> about == null ? null : accounts.byGuardian(about)
                        .filter(a -> a.status() == AccountStatus.ACTIVE).map(AccountRepository.Account::email).orElse(null);
            };
            if (to != null) {
                nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, new OutgoingMail(to, OutgoingMail.oneLine(mail.subject()), mail.text(), null, mail.kind(),
                        about, school, mail.attachments()), now);
                queued++;
            }
        }
        return queued;
    }
}
