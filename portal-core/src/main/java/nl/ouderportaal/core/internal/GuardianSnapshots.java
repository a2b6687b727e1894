package nl.ouderportaal.core.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.policy.Visibility;
import nl.ouderportaal.core.policy.VisibilityFacts;
import nl.ouderportaal.core.policy.VisibilityPolicy;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.internal.SettingsRepository;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;

/**
 * The facts behind every guardian-facing answer, read fresh for one request, and the policy's decision
 * over them: what the guardian pages, the actions, notifications and change requests all start from.
 * Internal; thread-safe.
 */
public final class GuardianSnapshots {

    private final HostSources sources;
    private final InstalledModules modules;
    private final SettingsRepository settings;
    private final AccountRepository accounts;
    private final ModuleOptionsCodec codec;
    private final AuditLog audit;
    private final PortalStore store;
    private final Clock clock;
    private final ZoneId zone;

    public GuardianSnapshots(HostSources sources, InstalledModules modules, SettingsRepository settings,
                             AccountRepository accounts, ModuleOptionsCodec codec, AuditLog audit, PortalStore store,
                             Clock clock, ZoneId zone) {
        this.sources = sources;
        this.modules = modules;
        this.settings = settings;
        this.accounts = accounts;
        this.codec = codec;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The policy's decision for the viewer, with the students it was made over. An impersonation's view is
     * audited with the page asked for (R-IMP-3).
     */
    public Snapshot load(Viewer viewer, String page) {
        if (isPage(page)) {
            viewer.impersonator().ifPresent(admin -> auditView(viewer, admin, page));
        }
        AccountStatus status = accounts.status(viewer.guardian());
        if (status != AccountStatus.ACTIVE) {
            // Nothing of the host is read for an account that may see nothing.
            VisibilityFacts facts = new VisibilityFacts(viewer.guardian(), status, viewer.impersonatorSchools(), List.of(), Map.of(),
                    Set.of(), Map.of(), modules.ids(), modules.dashboardCapableIds());
            return new Snapshot(VisibilityPolicy.decide(facts), Map.of());
        }
        List<GuardianLink> links = sources.get(GuardianSource.class).linksOfGuardian(viewer.guardian());
        List<StudentId> linked = links.stream().map(GuardianLink::studentId).distinct().toList();
        Map<StudentId, Student> students = linked.isEmpty() ? Map.of()
                : sources.get(StudentSource.class).students(linked).stream()
                        .collect(Collectors.toMap(Student::id, Function.identity(), (a, b) -> a));
        Set<SchoolId> schools = students.values().stream().map(Student::schoolId).collect(Collectors.toSet());
        Set<SchoolId> maintenance = settings.schoolSettings(schools).values().stream()
                .filter(SchoolSettings::maintenanceMode).map(SchoolSettings::schoolId).collect(Collectors.toSet());
        VisibilityFacts facts = new VisibilityFacts(viewer.guardian(), status, viewer.impersonatorSchools(), links, students, maintenance,
                settings.moduleSwitches(schools), modules.ids(), modules.dashboardCapableIds());
        return new Snapshot(VisibilityPolicy.decide(facts), students);
    }

    /**
     * Whether the load is a page someone views, which an impersonation audits under its own name, rather than
     * what every page also loads (the menu's children, the offered actions, a child's header, the dashboard
     * image): auditing those too gave eleven rows per page and named the about page "home" (issue 19, item 20).
     */
    static boolean isPage(String page) {
        return !(page.equals("home") || page.equals("children") || page.equals("notification")
                || page.startsWith("child:") || page.startsWith("actions:") || page.startsWith("action:")
                || page.startsWith("image:"));
    }

    /**
     * Audits an impersonation's view of a page that an answer shows beside the one it was loaded for (the
     * news on the dashboard page), as if it had been loaded on its own; nothing for a guardian's own view.
     */
    public void auditAlsoViewed(Viewer viewer, String page) {
        viewer.impersonator().ifPresent(admin -> auditView(viewer, admin, page));
    }

    /** Every page an administrator views as a guardian is audited (R-IMP-3), with the page asked for. */
    private void auditView(Viewer viewer, Viewer.Impersonator admin, String page) {
        nl.ouderportaal.core.internal.Database.jdbi(store).useHandle(h -> admin.schools().forEach(school -> nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(
                clock.instant(), "impersonation.viewed", school, AuditEvent.ActorType.STAFF, admin.id().value(), admin.name(),
                viewer.guardian(), page))));
    }

    /** The visible child; empty when the viewer may not see it. */
    public Optional<Student> visibleChild(Viewer viewer, StudentId child) {
        Snapshot snapshot = load(viewer, "child:" + child);
        return snapshot.visibility().isChildVisible(child) ? Optional.of(snapshot.students().get(child)) : Optional.empty();
    }

    /** The viewer's visible children, oldest first. */
    public List<Student> visibleChildren(Viewer viewer) {
        Snapshot snapshot = load(viewer, "children");
        return snapshot.visibility().children().stream().map(snapshot.students()::get).toList();
    }

    /**
     * A reported item (for notifications): a kind (a module id, or {@code activities}), its school, its child
     * ({@code null} for activities) and the host's id.
     */
    public record ItemRef(String kind, SchoolId school, StudentId child, String itemId) {
    }

    /**
     * Which of the items the viewer may see right now (R-NTF-1: decided at the moment of sending), with one
     * snapshot of the facts: the child and module rules of the policy, the module's own item rules and, for
     * activities, the group rule.
     *
     * @return the indexes of the visible items
     */
    public Set<Integer> visibleItems(Viewer viewer, List<ItemRef> items) {
        Snapshot snapshot = load(viewer, "notification");
        Visibility visibility = snapshot.visibility();
        Set<Integer> visible = new HashSet<>();
        if (visibility.children().isEmpty()) {
            return visible;
        }
        SchoolYear year = SchoolYear.containing(today());
        Map<StudentId, GroupId> groups = currentGroupIds(snapshot);
        Map<SchoolId, List<Activity>> activities = new HashMap<>();
        Map<SchoolId, Map<String, String>> options = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRef item = items.get(i);
            boolean ok;
            if ("activities".equals(item.kind())) {
                ok = activities.computeIfAbsent(item.school(), school -> visibility.schools().contains(school)
                                ? sources.get(ActivitySource.class).publishedActivities(school, year) : List.of())
                        .stream().filter(a -> a.id().equals(item.itemId())).findFirst()
                        .map(a -> VisibilityPolicy.isActivityVisible(visibility, snapshot.students(), groups, a))
                        .orElse(false);
            } else {
                Optional<ContentModule<?>> module = modules.find(item.kind());
                Student student = item.child() == null ? null : snapshot.students().get(item.child());
                ok = module.isPresent() && student != null && student.schoolId().equals(item.school())
                        && visibility.isModuleVisible(item.child(), item.kind())
                        && itemVisible(module.get(), options.computeIfAbsent(item.school(), settings::moduleOptionsJson),
                                student, year, item.itemId());
            }
            if (ok) {
                visible.add(i);
            }
        }
        return visible;
    }

    private <O> boolean itemVisible(ContentModule<O> module, Map<String, String> options, Student student, SchoolYear year,
                                    String itemId) {
        ModuleDescriptor<O> descriptor = module.descriptor();
        ChildContext<O> context = ModuleContexts.child(module, sources, options(descriptor, options), today(), student, year,
                nl.ouderportaal.core.internal.records.StoreModuleRecords.reading(store, student.schoolId(), descriptor.id(), clock));
        return module.isItemVisible(context, itemId);
    }

    /** A module's options at a school, from the stored JSON of all its modules. */
    public <O> O options(ModuleDescriptor<O> descriptor, Map<String, String> schoolOptions) {
        return codec.read(descriptor, schoolOptions.get(descriptor.id()));
    }

    /** A module's options at a school. */
    public <O> O options(ModuleDescriptor<O> descriptor, SchoolId school) {
        return codec.read(descriptor, settings.moduleOptionsJson(school, descriptor.id()).orElse(null));
    }

    private Map<StudentId, GroupId> currentGroupIds(Snapshot snapshot) {
        Map<StudentId, Group> groups = sources.get(GroupSource.class).groupsOfStudents(snapshot.visibility().children(),
                SchoolYear.containing(today()));
        return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * The policy's decision and the students it was made over.
     *
     * @param visibility what the viewer may see
     * @param students the guardian's linked students, by id
     */
    public record Snapshot(Visibility visibility, Map<StudentId, Student> students) {
    }
}
