package nl.ouderportaal.core.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.account.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.store.Timestamps;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.GuardianWithLinks;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.notify.Notification;
import nl.ouderportaal.spi.notify.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications (R-NTF-1). The host reports new items as it stores them ({@link #published}); a run
 * ({@link #dispatchOnce}, e.g. every 15 minutes on any node) delivers them to every guardian of the
 * school who switched notifications on and may see the item at that moment, through every channel, at
 * most once per item per guardian (a delivery row per guardian and item, unique across nodes).
 */
public final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final PortalStore store;
    private final HostSources sources;
    private final GuardianPortal guardians;
    private final Authentication authentication;
    private final AccountRepository accounts;
    private final List<NotificationChannel> channels;
    private final AuditLog audit;
    private final Clock clock;

    public Notifications(PortalStore store, HostSources sources, GuardianPortal guardians, Authentication authentication,
                         AccountRepository accounts, List<NotificationChannel> channels, AuditLog audit, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.guardians = guardians;
        this.authentication = authentication;
        this.accounts = accounts;
        this.channels = List.copyOf(channels);
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a new item; the same item reported again is ignored. */
    public void published(NewItem item) {
        store.jdbi().useTransaction(h -> {
            boolean known = h.createQuery("select count(*) from notification_items where kind = :kind and item_id = :item"
                            + " and school_id = :school and " + (item.child() == null ? "student_id is null" : "student_id = :student"))
                    .bind("kind", item.kind()).bind("item", item.itemId()).bind("school", item.school().value())
                    .bind("student", item.child() == null ? null : item.child().value())
                    .mapTo(Integer.class).one() > 0;
            if (!known) {
                h.createUpdate("""
                                insert into notification_items (kind, item_id, school_id, student_id, title_nl, title_en,
                                                                item_date, created_at)
                                values (:kind, :item, :school, :student, :nl, :en, :date, :now)""")
                        .bind("kind", item.kind()).bind("item", item.itemId()).bind("school", item.school().value())
                        .bind("student", item.child() == null ? null : item.child().value())
                        .bind("nl", item.title().nl()).bind("en", item.title().en()).bind("date", item.date())
                        .bind("now", Timestamps.toColumn(clock.instant())).execute();
            }
        });
    }

    /** Switches the session's guardian's notifications on or off (profile page). Refused in an impersonation. */
    public void setEnabled(String sessionToken, boolean enabled) {
        Session session = authentication.requireSession(sessionToken);
        session.requireWritable();
        store.jdbi().useTransaction(h -> {
            Instant now = clock.instant();
            int updated = h.createUpdate("update guardian_preferences set notifications = :on, updated_at = :now"
                            + " where guardian_id = :g")
                    .bind("on", enabled).bind("now", Timestamps.toColumn(now)).bind("g", session.guardian().value()).execute();
            if (updated == 0) {
                h.createUpdate("insert into guardian_preferences (guardian_id, notifications, updated_at) values (:g, :on, :now)")
                        .bind("on", enabled).bind("now", Timestamps.toColumn(now)).bind("g", session.guardian().value()).execute();
            }
            audit.append(h, new AuditEvent(now, enabled ? "notifications.on" : "notifications.off", null,
                    AuditEvent.ActorType.GUARDIAN, session.guardian().value(), null, session.guardian(), null));
        });
    }

    public boolean isEnabled(GuardianId guardian) {
        return store.jdbi().withHandle(h -> h.createQuery("select notifications from guardian_preferences where guardian_id = :g")
                .bind("g", guardian.value()).mapTo(Boolean.class).findOne().orElse(false));
    }

    /**
     * Delivers every pending item to the guardians who may see it now and want notifications.
     *
     * @return how many guardians were notified
     */
    public int dispatchOnce() {
        List<Item> pending = store.jdbi().withHandle(h -> h.createQuery(
                        "select * from notification_items where processed_at is null order by id")
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("kind"), SchoolId.of(rs.getString("school_id")),
                        rs.getString("student_id") == null ? null : StudentId.of(rs.getString("student_id")),
                        LocalizedText.of(rs.getString("title_nl"), rs.getString("title_en")),
                        rs.getObject("item_date", LocalDate.class)))
                .list());
        if (pending.isEmpty()) {
            return 0;
        }
        Map<GuardianId, List<Item>> perGuardian = new LinkedHashMap<>();
        Map<StudentId, String> childNames = new java.util.HashMap<>();
        for (var bySchool : pending.stream().collect(Collectors.groupingBy(Item::school, LinkedHashMap::new,
                Collectors.toList())).entrySet()) {
            List<GuardianWithLinks> guardiansOfSchool = sources.get(GuardianSource.class).guardiansOfSchool(bySchool.getKey());
            Set<StudentId> children = bySchool.getValue().stream().map(Item::child).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            if (!children.isEmpty()) {
                sources.get(StudentSource.class).students(children)
                        .forEach(s -> childNames.put(s.id(), s.name().displayName()));
            }
            for (GuardianWithLinks entry : guardiansOfSchool) {
                GuardianId guardian = entry.guardian().id();
                if (!isEnabled(guardian) || accounts.status(guardian) != AccountStatus.ACTIVE) {
                    continue;
                }
                Viewer viewer = Viewer.guardian(guardian);
                for (Item item : bySchool.getValue()) {
                    boolean linked = item.child() == null
                            || entry.links().stream().anyMatch(l -> l.studentId().equals(item.child()));
                    if (linked && guardians.maySee(viewer, item.school(), item.child(), item.kind())) {
                        perGuardian.computeIfAbsent(guardian, g -> new ArrayList<>()).add(item);
                    }
                }
            }
        }
        int notified = 0;
        for (var entry : perGuardian.entrySet()) {
            List<Item> items = claim(entry.getKey(), entry.getValue());
            if (items.isEmpty()) {
                continue;
            }
            String address = accounts.byGuardian(entry.getKey()).orElseThrow().email();
            List<Notification> notifications = items.stream()
                    .sorted(Comparator.comparing(Item::date).reversed())
                    .map(i -> new Notification(i.kind(), i.child(), i.child() == null ? null : childNames.get(i.child()),
                            i.title(), i.date()))
                    .toList();
            for (NotificationChannel channel : channels) {
                try {
                    channel.deliver(entry.getKey(), address, notifications);
                } catch (RuntimeException e) {
                    LOG.error("Notification channel {} failed for a guardian", channel.getClass().getName(), e);
                }
            }
            notified++;
        }
        store.jdbi().useHandle(h -> h.createUpdate("update notification_items set processed_at = :now where id in (<ids>)")
                .bindList("ids", pending.stream().map(Item::id).toList())
                .bind("now", Timestamps.toColumn(clock.instant())).execute());
        return notified;
    }

    /** The items not yet delivered to the guardian, marked delivered: one winner per item across nodes. */
    private List<Item> claim(GuardianId guardian, List<Item> items) {
        List<Item> claimed = new ArrayList<>();
        for (Item item : items) {
            try {
                store.jdbi().useHandle(h -> h.createUpdate(
                                "insert into notification_deliveries (guardian_id, item, delivered_at) values (:g, :item, :now)")
                        .bind("g", guardian.value()).bind("item", item.id()).bind("now", Timestamps.toColumn(clock.instant()))
                        .execute());
                claimed.add(item);
            } catch (RuntimeException alreadyDelivered) {
                // The unique key says another run delivered it.
            }
        }
        return claimed;
    }

    private record Item(long id, String kind, SchoolId school, StudentId child, LocalizedText title, LocalDate date) {
    }
}
