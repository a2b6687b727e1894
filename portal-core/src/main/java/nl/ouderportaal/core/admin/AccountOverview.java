package nl.ouderportaal.core.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.GuardianWithLinks;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;

/**
 * Verzorger accountbeheer (R-ACC-11): every guardian of the school with account status, last login, the
 * last invitation and whether it was sent, and the viewing rights per child; filtered, and exported to
 * Excel. Host data comes in one call per source; portal data in one query per table. ADMIN or INVITE
 * staff of the school only. Thread-safe.
 */
public final class AccountOverview {

    private static final String INVITATION = "invitation";

    private final PortalStore store;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final StaffAccess access;

    public AccountOverview(PortalStore store, HostSources sources, AccountRepository accounts, MailOutbox outbox,
                           AuditLog audit, StaffAccess access, Clock clock, ZoneId zone) {
        this.access = access;
        this.store = store;
        this.sources = sources;
        this.accounts = accounts;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The school's guardians matching the filter, sorted by name. */
    public List<OverviewRow> list(StaffActor actor, SchoolId school, OverviewFilter filter) {
        access.requireAdminOrInvite(actor, school, "overview.read");
        List<GuardianWithLinks> guardians = sources.get(GuardianSource.class).guardiansOfSchool(school);
        List<StudentId> studentIds = guardians.stream().flatMap(g -> g.links().stream()).map(GuardianLink::studentId)
                .distinct().toList();
        Map<StudentId, Student> students = studentIds.isEmpty() ? Map.of()
                : sources.get(StudentSource.class).students(studentIds).stream()
                        .collect(Collectors.toMap(Student::id, Function.identity(), (a, b) -> a));
        SchoolYear year = SchoolYear.containing(LocalDate.ofInstant(clock.instant(), zone));
        Map<StudentId, Group> groups = studentIds.isEmpty() ? Map.of()
                : sources.get(GroupSource.class).groupsOfStudents(studentIds, year);
        List<GuardianId> ids = guardians.stream().map(g -> g.guardian().id()).toList();
        Map<GuardianId, AccountRepository.Account> accountsById = accounts.byGuardians(ids);
        Map<GuardianId, DeliveryStatus> invitations = outbox.lastOfKind(INVITATION, ids);

        List<OverviewRow> rows = new ArrayList<>();
        for (GuardianWithLinks entry : guardians) {
            GuardianId id = entry.guardian().id();
            AccountRepository.Account account = accountsById.get(id);
            List<OverviewRow.Child> children = entry.links().stream()
                    .filter(l -> students.containsKey(l.studentId()) && students.get(l.studentId()).schoolId().equals(school))
                    .map(l -> new OverviewRow.Child(l.studentId(), students.get(l.studentId()).name(),
                            groups.containsKey(l.studentId()) ? groups.get(l.studentId()).name() : null, l.viewingRight()))
                    .toList();
            OverviewRow row = new OverviewRow(id, entry.guardian().name(),
                    account != null ? account.email() : entry.guardian().contact().email(),
                    account != null ? account.status() : AccountStatus.NONE,
                    account != null ? account.lastLoginAt() : null, invitations.get(id), children);
            Set<GroupId> childGroups = entry.links().stream().map(l -> groups.get(l.studentId()))
                    .filter(java.util.Objects::nonNull).map(Group::id).collect(Collectors.toSet());
            if (matches(row, childGroups, filter)) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing((OverviewRow r) -> r.name().sortName()).thenComparing(r -> r.guardian().value()));
        return rows;
    }

    /** The school's groups this school year, sorted by name, for the overview's and the news form's group choice. */
    public List<Group> groups(StaffActor actor, SchoolId school) {
        access.requireAdminOrInvite(actor, school, "groups.read");
        SchoolYear year = SchoolYear.containing(LocalDate.ofInstant(clock.instant(), zone));
        return sources.get(GroupSource.class).groups(school, year).stream()
                .sorted(Comparator.comparing(Group::name)).toList();
    }

    /**
     * Writes the filtered overview as an .xlsx file to the stream, row by row (constant memory), and
     * audits the export.
     *
     * @return the number of guardians written
     */
    public int exportXlsx(StaffActor actor, SchoolId school, OverviewFilter filter, Locale locale, OutputStream out)
            throws IOException {
        List<OverviewRow> rows = list(actor, school, filter);
        OverviewXlsx.write(rows.iterator(), locale, zone, out);
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(clock.instant(), "overview.exported", school,
                AuditEvent.ActorType.STAFF, actor.id().value(), actor.name(), null, rows.size() + " guardians; " + filter)));
        return rows.size();
    }

    private static boolean matches(OverviewRow row, Set<GroupId> childGroups, OverviewFilter filter) {
        if (filter.accountActive().isPresent() && filter.accountActive().get() != (row.status() == AccountStatus.ACTIVE)) {
            return false;
        }
        if (filter.status().isPresent() && filter.status().get() != row.status()) {
            return false;
        }
        if (filter.group().isPresent() && !childGroups.contains(filter.group().get())) {
            return false;
        }
        if (filter.name().isPresent() && !contains(row.name().displayName() + " " + row.name().sortName(), filter.name().get())) {
            return false;
        }
        return filter.email().isEmpty() || (row.email() != null && contains(row.email(), filter.email().get()));
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
    }

}
