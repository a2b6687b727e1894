package nl.ouderportaal.core.admin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.host.ViewingRightSink;

/**
 * Inzage ouderportaal (R-ACC-5) from the administration: staff with ADMIN or INVITE turn a guardian's
 * viewing right for one child of their school on or off. The host keeps the right (the portal hands the
 * change to the host's optional {@link ViewingRightSink}); because the portal reads it on every request,
 * the change shows at once. Audited. Thread-safe.
 */
public final class ViewingRights {

    private final PortalStore store;
    private final HostSources sources;
    private final StaffAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public ViewingRights(PortalStore store, HostSources sources, StaffAccess access, AuditLog audit, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the host lets the portal change viewing rights (it registered a {@link ViewingRightSink}). */
    public boolean supported() {
        return sources.find(ViewingRightSink.class).isPresent();
    }

    /**
     * Turns the guardian's viewing right for the child on or off.
     *
     * @throws AccessRefusedException (audited) when the actor is neither ADMIN nor INVITE for the school
     * @throws PortalValidationException when the child is not linked to the guardian or not enrolled at the
     *     school (field {@code child}), or the host does not let the portal change viewing rights (field
     *     {@code viewingRight}); nothing changed
     */
    public void set(StaffActor actor, SchoolId school, GuardianId guardian, StudentId child, boolean on) {
        access.requireAdminOrInvite(actor, school, "viewing-right.change");
        Optional<ViewingRightSink> sink = sources.find(ViewingRightSink.class);
        if (sink.isEmpty()) {
            throw PortalValidationException.of("viewingRight",
                    "Inzage ouderportaal wordt in de leerlingadministratie beheerd, niet in het Ouderportaal.",
                    "Viewing rights are managed in the school administration system, not in the parent portal.");
        }
        Optional<GuardianLink> link = sources.get(GuardianSource.class).linksOfGuardian(guardian).stream()
                .filter(l -> l.studentId().equals(child)).findFirst();
        List<Student> students = sources.get(StudentSource.class).students(List.of(child));
        boolean atSchool = students.stream().anyMatch(s -> s.id().equals(child) && s.schoolId().equals(school));
        if (link.isEmpty() || !atSchool) {
            throw PortalValidationException.of("child",
                    "Dit kind is geen kind van deze verzorger op deze school.",
                    "This child is not a child of this guardian at this school.");
        }
        sink.get().setViewingRight(guardian, child, on, actor);
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(),
                on ? "viewing-right.granted" : "viewing-right.revoked", school, AuditEvent.ActorType.STAFF,
                actor.id().value(), actor.name(), guardian, "child " + child.value())));
    }
}
