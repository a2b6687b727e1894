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
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.Session;
import nl.ouderportaal.core.account.WritePermit;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.internal.GuardianSnapshots;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.SqlErrors;
import nl.ouderportaal.core.internal.Timestamps;
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
    private final GuardianSnapshots snapshots;
    private final Authentication authentication;
    private final AccountRepository accounts;
    private final List<NotificationChannel> channels;
    private final AuditLog audit;
    private final Clock clock;

    public Notifications(PortalStore store, HostSources sources, GuardianSnapshots snapshots, Authentication authentication,
                         AccountRepository accounts, List<NotificationChannel> channels, AuditLog audit, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.snapshots = snapshots;
        this.authentication = authentication;
        this.accounts = accounts;
        this.channels = List.copyOf(channels);
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a new item; the same item reported again is ignored (on any node). */
    public void published(NewItem item) {
        try {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createUpdate("""
                            insert into notification_items (kind, item_id, school_id, student_id, title_nl, title_en,
                                                            item_date, created_at)
                            values (:kind, :item, :school, :student, :nl, :en, :date, :now)""")
                    .bind("kind", item.kind()).bind("item", item.itemId()).bind("school", item.school().value())
                    .bind("student", item.child() == null ? "" : item.child().value())
                    .bind("nl", item.title().nl()).bind("en", item.title().en()).bind("date", item.date())
                    .bind("now", Timestamps.toColumn(clock.instant())).execute());
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Switches the session's guardian's notifications on or off (profile page). Refused in an impersonation. */
    public void setEnabled(WritePermit permit, boolean enabled) {
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            Instant now = clock.instant();
            int updated = h.createUpdate("update guardian_preferences set notifications = :on, updated_at = :now"
                            + " where guardian_id = :g")
                    .bind("on", enabled).bind("now", Timestamps.toColumn(now)).bind("g", permit.guardian().value()).execute();
            if (updated == 0) {
                h.createUpdate("insert into guardian_preferences (guardian_id, notifications, updated_at) values (:g, :on, :now)")
                        .bind("on", enabled).bind("now", Timestamps.toColumn(now)).bind("g", permit.guardian().value()).execute();
            }
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, enabled ? "notifications.on" : "notifications.off", null,
                    AuditEvent.ActorType.GUARDIAN, permit.guardian().value(), null, permit.guardian(), null));
        });
    }

    public boolean isEnabled(GuardianId guardian) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("select notifications from guardian_preferences where guardian_id = :g")
                .bind("g", guardian.value()).mapTo(Boolean.class).findOne().orElse(false));
    }

    /**
     * Delivers every pending item to the guardians who may see it now and want notifications. A failure
     * for one guardian leaves that guardian's items pending for the next run and does not stop the others.
     *
     * @return how many guardians were notified
     */
    public int dispatchOnce() {
        List<Item> pending = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select * from notification_items where processed_at is null order by id")
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("kind"), SchoolId.of(rs.getString("school_id")),
                        rs.getString("student_id").isEmpty() ? null : StudentId.of(rs.getString("student_id")),
                        rs.getString("item_id"), LocalizedText.of(rs.getString("title_nl"), rs.getString("title_en")),
                        rs.getObject("item_date", LocalDate.class)))
                .list());
        if (pending.isEmpty()) {
            return 0;
        }
        Set<String> wanting = Set.copyOf(nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                "select guardian_id from guardian_preferences where notifications = true").mapTo(String.class).list()));
        Set<Long> unfinished = new java.util.HashSet<>();
        int notified = 0;
        for (var bySchool : pending.stream().collect(Collectors.groupingBy(Item::school, LinkedHashMap::new,
                Collectors.toList())).entrySet()) {
            List<Item> items = bySchool.getValue();
            List<GuardianWithLinks> candidates = wanting.isEmpty() ? List.of()
                    : sources.get(GuardianSource.class).guardiansOfSchool(bySchool.getKey()).stream()
                            .filter(g -> wanting.contains(g.guardian().id().value())).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Map<GuardianId, AccountRepository.Account> active = accounts.byGuardians(candidates.stream()
                    .map(g -> g.guardian().id()).toList());
            Map<StudentId, String> childNames = new java.util.HashMap<>();
            Set<StudentId> children = items.stream().map(Item::child).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            if (!children.isEmpty()) {
                sources.get(StudentSource.class).students(children).forEach(s -> childNames.put(s.id(), s.name().displayName()));
            }
            List<GuardianSnapshots.ItemRef> refs = items.stream()
                    .map(i -> new GuardianSnapshots.ItemRef(i.kind(), i.school(), i.child(), i.itemId())).toList();
            for (GuardianWithLinks candidate : candidates) {
                GuardianId guardian = candidate.guardian().id();
                AccountRepository.Account account = active.get(guardian);
                if (account == null || account.status() != AccountStatus.ACTIVE) {
                    continue;
                }
                try {
                    Set<Integer> visible = snapshots.visibleItems(Viewer.guardian(guardian), refs);
                    List<Item> mine = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        if (visible.contains(i)) {
                            mine.add(items.get(i));
                        }
                    }
                    if (deliver(guardian, account.email(), claim(guardian, mine), childNames)) {
                        notified++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("Notifications for one guardian failed; their items wait for the next run", e);
                    items.forEach(i -> unfinished.add(i.id()));
                }
            }
        }
        List<Long> done = pending.stream().map(Item::id).filter(id -> !unfinished.contains(id)).toList();
        if (!done.isEmpty()) {
            nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createUpdate("update notification_items set processed_at = :now where id in (<ids>)")
                    .bindList("ids", done).bind("now", Timestamps.toColumn(clock.instant())).execute());
        }
        return notified;
    }

    private boolean deliver(GuardianId guardian, String address, List<Item> items, Map<StudentId, String> childNames) {
        if (items.isEmpty()) {
            return false;
        }
        List<Notification> notifications = items.stream()
                .sorted(Comparator.comparing(Item::date).reversed())
                .map(i -> new Notification(i.kind(), i.child(), i.child() == null ? null : childNames.get(i.child()),
                        i.title(), i.date()))
                .toList();
        for (NotificationChannel channel : channels) {
            try {
                channel.deliver(guardian, address, notifications);
            } catch (RuntimeException e) {
                LOG.error("Notification channel {} failed for a guardian", channel.getClass().getName(), e);
            }
        }
        return true;
    }

    /** The items not yet delivered to the guardian, marked delivered: one winner per item across nodes. */
    private List<Item> claim(GuardianId guardian, List<Item> items) {
        List<Item> claimed = new ArrayList<>();
        for (Item item : items) {
            try {
                nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> h.createUpdate(
                                "insert into notification_deliveries (guardian_id, item, delivered_at) values (:g, :item, :now)")
                        .bind("g", guardian.value()).bind("item", item.id()).bind("now", Timestamps.toColumn(clock.instant()))
                        .execute());
                claimed.add(item);
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // Another run delivered it already.
            }
        }
        return claimed;
    }


    private record Item(long id, String kind, SchoolId school, StudentId child, String itemId, LocalizedText title,
                        LocalDate date) {
    }
}
