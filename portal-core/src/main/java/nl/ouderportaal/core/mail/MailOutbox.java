package nl.ouderportaal.core.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.action.MailAttachment;
import org.jdbi.v3.core.Handle;

/**
 * The persistent outbox (R-BEYOND-2). Mails are added in the transaction of the change that causes
 * them, so a rolled-back change sends nothing and a committed one loses nothing. Rows are claimed with
 * a lease by one conditional update: two dispatchers never send the same row at the same time, and a
 * row claimed by a dispatcher that died becomes claimable again when its lease runs out.
 */
public final class MailOutbox {

    private final PortalStore store;

    public MailOutbox(PortalStore store) {
        this.store = store;
    }


    /**
     * Claims up to {@code limit} due mails for this dispatcher: first those whose lease ran out (a
     * dispatcher died), then the pending ones, each in the order they became due. On PostgreSQL the due
     * rows are locked with {@code FOR UPDATE SKIP LOCKED}, so that dispatchers on several nodes each take
     * other rows at once instead of waiting for each other; elsewhere (H2, one node) one conditional update.
     */
    List<QueuedMail> claim(Instant now, int limit, Duration lease) {
        String claim = UUID.randomUUID().toString();
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            int claimedSoFar = 0;
            /*
             * One condition per status, ordered as the index (status, next_attempt_at) is: the database reads
             * the first due rows of the index and stops. An OR of both, or an order by id, made it walk every
             * row the outbox ever held (sent mails stay as proof) for each batch of 50.
             */
            for (String due : List.of("status = 'SENDING' and claimed_until < :now",
                    "status = 'PENDING' and next_attempt_at <= :now")) {
                int wanted = limit - claimedSoFar;
                if (wanted <= 0) {
                    break;
                }
                String oldestDue = "select id from mail_outbox where " + due + " order by status, next_attempt_at limit :limit";
                if (store.isPostgres()) {
                    List<Long> ids = h.createQuery(oldestDue + " for update skip locked")
                            .bind("now", Timestamps.toColumn(now)).bind("limit", wanted).mapTo(Long.class).list();
                    if (!ids.isEmpty()) {
                        claimedSoFar += h.createUpdate("update mail_outbox set status = 'SENDING', claimed_by = :claim,"
                                        + " claimed_until = :until where id in (<ids>)")
                                .bind("claim", claim).bind("until", Timestamps.toColumn(now.plus(lease))).bindList("ids", ids)
                                .execute();
                    }
                } else {
                    claimedSoFar += h.createUpdate("update mail_outbox set status = 'SENDING', claimed_by = :claim,"
                                    + " claimed_until = :until where id in (" + oldestDue + ") and " + due)
                            .bind("claim", claim).bind("until", Timestamps.toColumn(now.plus(lease)))
                            .bind("now", Timestamps.toColumn(now)).bind("limit", wanted)
                            .execute();
                }
            }
            if (claimedSoFar == 0) {
                return List.<QueuedMail>of();
            }
            List<QueuedMail> claimed = h.createQuery("select * from mail_outbox where claimed_by = :claim and status = 'SENDING' order by id")
                    .bind("claim", claim)
                    .map((rs, ctx) -> new QueuedMail(rs.getLong("id"), new OutgoingMail(rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("kind"),
                            rs.getString("guardian_id") == null ? null : GuardianId.of(rs.getString("guardian_id")),
                            rs.getString("school_id") == null ? null : SchoolId.of(rs.getString("school_id"))),
                            rs.getInt("attempts"), claim))
                    .list();
            Map<Long, List<MailAttachment>> files = attachments(h, claimed.stream().map(QueuedMail::id).toList());
            return files.isEmpty() ? claimed : claimed.stream().map(q -> files.containsKey(q.id())
                    ? new QueuedMail(q.id(), withAttachments(q.mail(), files.get(q.id())), q.attempts(), q.claim()) : q).toList();
        });
    }

    /**
     * Marks a mail sent and forgets its body, which may hold a single-use link that must not linger in the
     * store. Only under the sender's own claim: a dispatcher whose lease ran out changes nothing.
     */
    void markSent(QueuedMail mail, Instant now) {
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            int sent = h.createUpdate("""
                        update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1,
                               claimed_by = null, claimed_until = null, last_error = null, body_text = '', body_html = null
                        where id = :id and claimed_by = :claim""")
                .bind("now", Timestamps.toColumn(now)).bind("id", mail.id()).bind("claim", mail.claim()).execute();
            if (sent == 1 && !mail.mail().attachments().isEmpty()) {
                forgetAttachments(h, mail.id());
            }
        });
    }

    /** Puts a claimed mail back for a later attempt, or gives up on it for good (and forgets its body). */
    void markFailed(QueuedMail mail, boolean counted, String error, Instant nextAttempt, boolean giveUp) {
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            int updated = h.createUpdate("update mail_outbox set status = :status, attempts = attempts + :counted,"
                        + " last_error = :error, next_attempt_at = :next, claimed_by = null, claimed_until = null"
                        + (giveUp ? ", body_text = '', body_html = null" : "")
                        + " where id = :id and claimed_by = :claim")
                .bind("status", giveUp ? "FAILED" : "PENDING").bind("counted", counted ? 1 : 0)
                .bind("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000)))
                .bind("next", Timestamps.toColumn(nextAttempt)).bind("id", mail.id()).bind("claim", mail.claim()).execute();
            if (updated == 1 && giveUp && !mail.mail().attachments().isEmpty()) {
                forgetAttachments(h, mail.id());
            }
        });
    }

    /** The attachments of claimed mails, by outbox row, in order. */
    private static Map<Long, List<MailAttachment>> attachments(Handle h, List<Long> ids) {
        Map<Long, List<MailAttachment>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        h.createQuery("select outbox_id, name, content_type, body_text from mail_outbox_attachments"
                        + " where outbox_id in (<ids>) order by outbox_id, position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("outbox_id"), new MailAttachment(rs.getString("name"),
                        rs.getString("content_type"), rs.getString("body_text"))))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    private static OutgoingMail withAttachments(OutgoingMail m, List<MailAttachment> files) {
        return new OutgoingMail(m.recipient(), m.subject(), m.text(), m.html(), m.kind(), m.guardian(), m.school(), files);
    }

    /** Forgets a mail's attachments with its body: they may hold as much about a family as the body. */
    private static void forgetAttachments(Handle h, long id) {
        h.createUpdate("delete from mail_outbox_attachments where outbox_id = :id").bind("id", id).execute();
    }

    /** How many mails are still to be sent. */
    public int pending() {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')").mapTo(Integer.class).one());
    }

    /** Above this many guardians, a lookup reads every row of the kind and keeps the wanted ones. */
    static final int LARGE_SELECTION = 1_000;

    /** Per guardian, the status of the last mail of a kind (e.g. the last invitation, R-ACC-11). */
    public Map<GuardianId, DeliveryStatus> lastOfKind(String kind, Collection<GuardianId> guardians) {
        Map<GuardianId, DeliveryStatus> result = new HashMap<>();
        if (guardians.isEmpty()) {
            return result;
        }
        java.util.Set<GuardianId> wanted = java.util.Set.copyOf(guardians);
        // A long id list is slower than a scan (H2 looks ids up one by one) and may pass H2's 100,000 parameters.
        boolean scan = wanted.size() > LARGE_SELECTION;
        // Only the status columns: the rendered mails (subject and bodies) are the bulk of each row.
        String columns = "o.guardian_id, o.status, o.created_at, o.sent_at, o.attempts, o.last_error";
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> {
            var query = scan
                    // Every mail of the kind in id order, the last one per guardian winning: one pass, no subquery per row.
                    ? h.createQuery("select " + columns + " from mail_outbox o where o.kind = :kind order by o.id")
                    : h.createQuery("select " + columns + " from mail_outbox o where o.kind = :kind and o.guardian_id in (<ids>)"
                            + " and o.id = (select max(i.id) from mail_outbox i where i.kind = o.kind and i.guardian_id = o.guardian_id)")
                            .bindList("ids", wanted.stream().map(GuardianId::value).toList());
            query.bind("kind", kind)
                .map((rs, ctx) -> Map.entry(GuardianId.of(rs.getString("guardian_id")), new DeliveryStatus(
                        switch (rs.getString("status")) {
                            case "SENT" -> DeliveryStatus.State.SENT;
                            case "FAILED" -> DeliveryStatus.State.FAILED;
                            default -> DeliveryStatus.State.QUEUED;
                        }, Timestamps.fromColumn(rs, "created_at"), Timestamps.fromColumn(rs, "sent_at"),
                        rs.getInt("attempts"), rs.getString("last_error"))))
                .filter(e -> wanted.contains(e.getKey()))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        });
        return result;
    }
}
