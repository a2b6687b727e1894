package nl.ouderportaal.core.news;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.admin.StaffAccess;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import org.jdbi.v3.core.Handle;

/**
 * News messages (R-NEWS): administrators of a school create, edit, delete and list them; guardians read
 * them through {@code GuardianPortal}. Text is sanitised before it is stored. Thread-safe.
 */
public final class News {

    private final PortalStore store;
    private final NewsRepository repository;
    private final StaffAccess access;
    private final CommandValidator validator;
    private final AuditLog audit;
    private final Clock clock;

    public News(PortalStore store, StaffAccess access, CommandValidator validator, AuditLog audit, Clock clock) {
        this.store = store;
        this.repository = new NewsRepository(store);
        this.access = access;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes a message for the school.
     *
     * @return the new message's id
     * @throws PortalValidationException when a field is missing or invalid; nothing is stored
     * @throws AccessRefusedException when the actor is no ADMIN of the school
     */
    public long create(StaffActor actor, SchoolId school, NewsCommand command) {
        access.requireAdmin(actor, school, "news.create");
        String html = checked(command);
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            long id = repository.insert(h, school, command, html, clock.instant(), actor.name());
            audit(h, actor, school, "news.created", id, command.subject());
            return id;
        });
    }

    /** Replaces a message of the school; refused (nothing changed) for a message of another school. */
    public void update(StaffActor actor, SchoolId school, long id, NewsCommand command) {
        access.requireAdmin(actor, school, "news.update");
        String html = checked(command);
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            if (!repository.update(h, id, school, command, html, clock.instant(), actor.name())) {
                throw unknown();
            }
            audit(h, actor, school, "news.updated", id, command.subject());
        });
    }

    public void delete(StaffActor actor, SchoolId school, long id) {
        access.requireAdmin(actor, school, "news.delete");
        nl.ouderportaal.core.internal.Database.jdbi(store).useTransaction(h -> {
            if (!repository.delete(h, id, school)) {
                throw unknown();
            }
            audit(h, actor, school, "news.deleted", id, null);
        });
    }

    public Optional<NewsMessage> find(StaffActor actor, SchoolId school, long id) {
        access.requireAdmin(actor, school, "news.read");
        return repository.find(id, school);
    }

    /**
     * The overview (R-NEWS-4), newest first, filtered on a part of the subject (any case) and on a group
     * (messages for all groups match every group); empty filters match everything.
     */
    public List<NewsMessage> overview(StaffActor actor, SchoolId school, Optional<String> subjectContains,
                                      Optional<GroupId> group) {
        access.requireAdmin(actor, school, "news.overview");
        String needle = subjectContains.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        return repository.of(List.of(school), null, null).stream()
                .filter(m -> m.subject().toLowerCase(Locale.ROOT).contains(needle))
                .filter(m -> group.map(g -> m.forAllGroups() || m.groups().contains(g)).orElse(true))
                .toList();
    }

    /** The messages of the schools published on the day, for the visibility policy to filter. */
    public List<NewsMessage> publishedOn(Set<SchoolId> schools, LocalDate day) {
        return repository.of(schools, day, null);
    }

    private String checked(NewsCommand command) {
        validator.validate(command);
        String html = NewsHtml.sanitize(command.text());
        if (html.length() > 100_000) {
            throw PortalValidationException.of("text", "De tekst is te lang.", "The text is too long.");
        }
        if (html.replaceAll("<[^>]*>", "").isBlank()) {
            throw PortalValidationException.of("text",
                    "De tekst bevat na het verwijderen van niet-toegestane opmaak niets meer.",
                    "Once formatting that is not allowed is removed, the text is empty.");
        }
        return html;
    }

    private static PortalValidationException unknown() {
        return PortalValidationException.of("id", "Dit nieuwsbericht bestaat niet (meer).", "This news message no longer exists.");
    }

    private void audit(Handle h, StaffActor actor, SchoolId school, String action, long id, String subject) {
        nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), action, school, AuditEvent.ActorType.STAFF, actor.id().value(),
                actor.name(), null, "news " + id + (subject == null ? "" : ": " + subject)));
    }
}
