package nl.ouderportaal.core.news;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.internal.Timestamps;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;
import org.jdbi.v3.core.Handle;

/** News messages in the portal store. */
final class NewsRepository {

    private final PortalStore store;

    NewsRepository(PortalStore store) {
        this.store = store;
    }

    long insert(Handle h, SchoolId school, NewsCommand command, String html, Instant now, String by) {
        long id = h.createUpdate("""
                        insert into news_messages (school_id, subject, news_date, body_html, publish_from, publish_until,
                                                   all_groups, created_at, created_by, updated_at, updated_by)
                        values (:school, :subject, :date, :html, :from, :until, :all, :now, :by, :now, :by)""")
                .bind("school", school.value()).bind("subject", command.subject()).bind("date", command.date())
                .bind("html", html).bind("from", command.publishFrom()).bind("until", command.publishUntil())
                .bind("all", command.groups().isEmpty()).bind("now", Timestamps.toColumn(now)).bind("by", by)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        insertGroups(h, id, command.groups());
        return id;
    }

    boolean update(Handle h, long id, SchoolId school, NewsCommand command, String html, Instant now, String by) {
        int updated = h.createUpdate("""
                        update news_messages set subject = :subject, news_date = :date, body_html = :html,
                               publish_from = :from, publish_until = :until, all_groups = :all, updated_at = :now,
                               updated_by = :by
                        where id = :id and school_id = :school""")
                .bind("school", school.value()).bind("subject", command.subject()).bind("date", command.date())
                .bind("html", html).bind("from", command.publishFrom()).bind("until", command.publishUntil())
                .bind("all", command.groups().isEmpty()).bind("now", Timestamps.toColumn(now)).bind("by", by)
                .bind("id", id).execute();
        if (updated == 1) {
            h.createUpdate("delete from news_message_groups where news_id = :id").bind("id", id).execute();
            insertGroups(h, id, command.groups());
        }
        return updated == 1;
    }

    boolean delete(Handle h, long id, SchoolId school) {
        h.createUpdate("delete from news_message_groups where news_id = :id").bind("id", id).execute();
        return h.createUpdate("delete from news_messages where id = :id and school_id = :school")
                .bind("id", id).bind("school", school.value()).execute() == 1;
    }

    private static void insertGroups(Handle h, long id, Set<GroupId> groups) {
        for (GroupId group : groups) {
            h.createUpdate("insert into news_message_groups (news_id, group_id) values (:id, :g)")
                    .bind("id", id).bind("g", group.value()).execute();
        }
    }

    Optional<NewsMessage> find(long id, SchoolId school) {
        return of(List.of(school), null, id).stream().findFirst();
    }

    /** The messages of the schools, newest first; published on {@code day} when a day is given. */
    List<NewsMessage> of(Collection<SchoolId> schools, LocalDate day, Long onlyId) {
        if (schools.isEmpty()) {
            return List.of();
        }
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> {
            var query = h.createQuery("select * from news_messages where school_id in (<schools>)"
                            + (day == null ? "" : " and publish_from <= :day and publish_until >= :day")
                            + (onlyId == null ? "" : " and id = :id")
                            + " order by news_date desc, id desc")
                    .bindList("schools", schools.stream().map(SchoolId::value).distinct().toList());
            if (day != null) {
                query.bind("day", day);
            }
            if (onlyId != null) {
                query.bind("id", onlyId);
            }
            List<Object[]> rows = query.map((rs, ctx) -> new Object[] {rs.getLong("id"), SchoolId.of(rs.getString("school_id")),
                    rs.getString("subject"), rs.getObject("news_date", LocalDate.class), rs.getString("body_html"),
                    rs.getObject("publish_from", LocalDate.class), rs.getObject("publish_until", LocalDate.class)}).list();
            Map<Long, Set<GroupId>> groups = new HashMap<>();
            if (!rows.isEmpty()) {
                h.createQuery("select news_id, group_id from news_message_groups where news_id in (<ids>)")
                        .bindList("ids", rows.stream().map(r -> (Long) r[0]).toList())
                        .map((rs, ctx) -> Map.entry(rs.getLong("news_id"), GroupId.of(rs.getString("group_id"))))
                        .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
            }
            List<NewsMessage> messages = new ArrayList<>();
            for (Object[] r : rows) {
                messages.add(new NewsMessage((Long) r[0], (SchoolId) r[1], (String) r[2], (LocalDate) r[3], (String) r[4],
                        (LocalDate) r[5], (LocalDate) r[6], groups.getOrDefault((Long) r[0], Set.of())));
            }
            return messages;
        });
    }
}
