package nl.ouderportaal.core.notify;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.mail.OutgoingMail;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.notify.Notification;
import nl.ouderportaal.spi.notify.NotificationChannel;

/** The built-in channel: one digest mail per run per guardian, through the outbox. */
public final class EmailDigestChannel implements NotificationChannel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", new Locale("nl"));

    private final PortalStore store;
    private final MailOutbox outbox;
    private final Clock clock;
    private final String portalUrl;

    public EmailDigestChannel(PortalStore store, MailOutbox outbox, Clock clock, String portalUrl) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    @Override
    public void deliver(GuardianId guardian, String address, List<Notification> notifications) {
        StringBuilder text = new StringBuilder("Er is iets nieuws in het Ouderportaal:\n\n");
        for (Notification n : notifications) {
            text.append("- ").append(DATE.format(n.date())).append(n.childName() == null ? "" : ", " + n.childName())
                    .append(": ").append(n.title().nl()).append('\n');
        }
        text.append("\nLog in op ").append(portalUrl).append(" om het te bekijken.\n"
                + "U krijgt deze berichten omdat u meldingen heeft aangezet in uw profiel; daar kunt u ze ook uitzetten.\n");
        OutgoingMail mail = new OutgoingMail(address, notifications.size() == 1 ? "Nieuw in het Ouderportaal"
                : notifications.size() + " nieuwe berichten in het Ouderportaal", text.toString(), null, "notification-digest",
                guardian, null);
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> nl.ouderportaal.core.internal.OutboxWriter.enqueue(h, mail, clock.instant()));
    }
}
