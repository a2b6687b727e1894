package nl.ouderportaal.testing;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.QueuedMail;

/**
 * A {@link MailTransport} that keeps every mail instead of sending it, with the links of each mail, for
 * tests: pass it to {@code Portal.builder().mail(...)} and let the dispatcher send the outbox with
 * {@code portal.mailDispatcher().orElseThrow().drainOnce()}. It can also play an SMTP server that is down.
 * Thread-safe.
 *
 * <pre>{@code
 * CapturedMail mail = new CapturedMail();
 * Portal portal = host.registerAll(Portal.builder()).store(store).accounts(settings).mail(mail).build();
 * portal.invitations().inviteOne(admin, school, guardian);
 * portal.mailDispatcher().orElseThrow().drainOnce();
 * URI link = mail.lastTo("anna@example.org").links().get(0);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class CapturedMail implements MailTransport {

    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    /** A transport that has captured nothing yet and is up. */
    public CapturedMail() {
    }

    /**
     * One captured mail.
     *
     * @param id the outbox row (the mail's Message-ID)
     * @param recipient the one address it went to
     * @param subject the subject
     * @param text the plain-text body
     * @param html the HTML body, or {@code null}
     * @param kind what it is, such as {@code invitation}
     * @param links the http and https links of the plain-text body, in order
     */
    public record Mail(long id, String recipient, String subject, String text, String html, String kind,
                       List<URI> links) {

        /** Copies the list of links. */
        public Mail {
            links = List.copyOf(links);
        }

        /**
         * The first link whose path contains the given text, such as {@code "/invitation/"}.
         *
         * @param pathPart part of the path
         * @return the link
         * @throws NoSuchElementException when the mail has no such link
         */
        public URI link(String pathPart) {
            return links.stream().filter(l -> l.getPath() != null && l.getPath().contains(pathPart)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("No link with '" + pathPart + "' in mail " + id
                            + " (" + kind + "): " + links));
        }
    }

    @Override
    public Connection open() throws MailException {
        if (down) {
            throw new MailException("The captured SMTP server is down", null, true);
        }
        return new Connection() {
            @Override
            public void send(QueuedMail queued) throws MailException {
                if (down) {
                    throw new MailException("The captured SMTP server went down", null, true);
                }
                var mail = queued.mail();
                mails.add(new Mail(queued.id(), mail.recipient(), mail.subject(), mail.text(), mail.html(), mail.kind(),
                        Mails.links(mail.text())));
            }

            @Override
            public void close() {
                // Nothing to close: the mails are in memory.
            }
        };
    }

    /**
     * Every mail captured so far, in the order sent.
     *
     * @return a snapshot
     */
    public List<Mail> all() {
        return List.copyOf(mails);
    }

    /**
     * The mails sent to one address, in order.
     *
     * @param recipient the address
     * @return a snapshot, empty when none
     */
    public List<Mail> to(String recipient) {
        Objects.requireNonNull(recipient, "recipient");
        return mails.stream().filter(m -> m.recipient().equalsIgnoreCase(recipient)).toList();
    }

    /**
     * The last mail sent to one address.
     *
     * @param recipient the address
     * @return the mail
     * @throws NoSuchElementException when none was sent to it
     */
    public Mail lastTo(String recipient) {
        List<Mail> to = to(recipient);
        if (to.isEmpty()) {
            throw new NoSuchElementException("No mail was sent to " + recipient + "; sent: "
                    + mails.stream().map(Mail::recipient).toList()
                    + " (did the dispatcher run? portal.mailDispatcher().orElseThrow().drainOnce())");
        }
        return to.get(to.size() - 1);
    }

    /** Forgets the mails captured so far. */
    public void clear() {
        mails.clear();
    }

    /**
     * Plays an SMTP server that is down (every send fails, the mails stay in the outbox for a retry) or up.
     *
     * @param down whether sending fails
     */
    public void setDown(boolean down) {
        this.down = down;
    }
}
