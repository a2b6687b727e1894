package nl.ouderportaal.spi.notify;

import java.util.List;
import nl.ouderportaal.spi.GuardianId;

/**
 * Delivers notifications to a guardian who switched them on (R-NTF-1). The portal has applied every
 * visibility rule at the moment of delivery and delivers each item at most once per guardian. Built in:
 * an email digest; integrators add push, an app or a webhook.
 *
 * <p>Called from the portal's notification run, one call per guardian per run; must be thread-safe. An
 * exception is logged; the items count as delivered for this channel.
 *
 * <pre>{@code
 * Portal.builder().notificationChannel((guardian, address, items) -> pushService.send(guardian.value(), items));
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface NotificationChannel {

    /**
     * @param guardian the guardian
     * @param address the guardian's account email address
     * @param notifications the new items, newest first; never empty
     */
    void deliver(GuardianId guardian, String address, List<Notification> notifications);
}
