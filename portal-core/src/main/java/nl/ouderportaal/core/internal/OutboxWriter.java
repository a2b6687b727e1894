package nl.ouderportaal.core.internal;

import java.time.Instant;
import nl.ouderportaal.core.mail.OutgoingMail;
import org.jdbi.v3.core.Handle;

/** Puts mails in the persistent outbox in the caller's transaction: a mail leaves only if what caused it commits. Internal. */
public final class OutboxWriter {

    private OutboxWriter() {
    }

    /** Adds a mail to be sent as soon as possible; joins the caller's transaction. */
    public static long enqueue(Handle h, OutgoingMail mail, Instant now) {
        long id = h.createUpdate("""
                        insert into mail_outbox (recipient, subject, body_text, body_html, kind, guardian_id, school_id,
                                                 status, attempts, next_attempt_at, created_at)
                        values (:recipient, :subject, :text, :html, :kind, :guardian, :school, 'PENDING', 0, :now, :now)""")
                .bind("recipient", mail.recipient()).bind("subject", mail.subject()).bind("text", mail.text())
                .bind("html", mail.html()).bind("kind", mail.kind())
                .bind("guardian", mail.guardian() == null ? null : mail.guardian().value())
                .bind("school", mail.school() == null ? null : mail.school().value())
                .bind("now", Timestamps.toColumn(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        int position = 0;
        for (nl.ouderportaal.spi.action.MailAttachment attachment : mail.attachments()) {
            h.createUpdate("insert into mail_outbox_attachments (outbox_id, position, name, content_type, body_text)"
                            + " values (:id, :position, :name, :type, :text)")
                    .bind("id", id).bind("position", position++).bind("name", attachment.name())
                    .bind("type", attachment.contentType()).bind("text", attachment.text()).execute();
        }
        return id;
    }
}
