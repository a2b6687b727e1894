package nl.ouderportaal.core.guardian;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.news.News;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.news.NewsHtml;
import nl.ouderportaal.core.news.NewsMessage;
import nl.ouderportaal.core.render.PdfRenderer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountStatus;
import nl.ouderportaal.core.account.ImpersonationReadOnlyException;
import nl.ouderportaal.core.internal.GuardianSnapshots;
import nl.ouderportaal.core.internal.GuardianSnapshots.Snapshot;
import nl.ouderportaal.core.internal.InstalledModules;
import nl.ouderportaal.core.internal.records.StoreModuleRecords;
import nl.ouderportaal.core.internal.ModuleContexts;
import nl.ouderportaal.core.internal.ModuleOptionsCodec;
import nl.ouderportaal.core.policy.Visibility;
import nl.ouderportaal.core.policy.VisibilityFacts;
import nl.ouderportaal.core.policy.VisibilityPolicy;
import nl.ouderportaal.core.settings.DashboardImages;
import nl.ouderportaal.core.settings.SchoolSettings;
import nl.ouderportaal.core.internal.SettingsRepository;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.Activity;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.Group;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianLink;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ChildContext;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.CorrectableField;
import nl.ouderportaal.spi.module.DashboardEntry;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.Placement;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * What a guardian (or an administrator impersonating one) sees: the children in the menu, the
 * dashboard, and each page about a child. Every answer is decided by {@link VisibilityPolicy} over
 * facts read fresh for the request, so a change of a viewing right, a module or a setting shows on the
 * next request (R-ACC-5, R-SET-6). Host sources are called once per guardian, or once per child and
 * school year: never once per row. Thread-safe.
 */
public final class GuardianPortal {

    /** The dashboard kind of the year plan's activities, which are always visible (R-MOD-5). */
    public static final String ACTIVITIES = "activities";
    /** The dashboard kind of published news (R-NEWS). */
    public static final String NEWS = "news";
    /** The page id of the "about the child" page. */
    public static final String ABOUT = "about";

    private static final int ACTIVITY_DAYS_AHEAD = 60;

    private final HostSources sources;
    private final InstalledModules modules;
    private final SettingsRepository settings;
    private final AccountRepository accounts;
    private final ModuleOptionsCodec codec;
    private final Clock clock;
    private final ZoneId zone;
    private final News news;

    private final AuditLog audit;
    private final PortalStore store;
    private final GuardianSnapshots snapshots;

    public GuardianPortal(HostSources sources, InstalledModules modules, SettingsRepository settings,
                          AccountRepository accounts, ModuleOptionsCodec codec, News news, AuditLog audit, PortalStore store,
                          Clock clock, ZoneId zone, GuardianSnapshots snapshots) {
        this.snapshots = snapshots;
        this.news = news;
        this.audit = audit;
        this.store = store;
        this.sources = sources;
        this.modules = modules;
        this.settings = settings;
        this.accounts = accounts;
        this.codec = codec;
        this.clock = clock;
        this.zone = zone;
    }

    /** The children in the viewer's menu and the maintenance notices (R-ACC-5, R-ACC-10, R-SET-4). */
    public GuardianHome home(Viewer viewer) {
        return home(viewer, new Reading(load(viewer, "home")));
    }

    /**
     * The dashboard (R-POR-1): entries of modules shown on the dashboard for each visible child, and the
     * school's upcoming activities; newest first. With a kind, only entries of that kind.
     */
    public Dashboard dashboard(Viewer viewer, Optional<String> kind) {
        return dashboard(new Reading(load(viewer, dashboardPageName(kind))), kind);
    }

    /**
     * What the dashboard page shows, decided over one reading of the facts: the menu and maintenance
     * notices ({@link #home}), the dashboard ({@link #dashboard}) and the news ({@link #news}). The same as
     * the three calls, with the host and the store read once instead of three times; an impersonation is
     * audited as a view of the dashboard and of the news, as the separate calls audit it.
     */
    public DashboardPage dashboardPage(Viewer viewer, Optional<String> kind) {
        Reading reading = new Reading(load(viewer, dashboardPageName(kind)));
        snapshots.auditAlsoViewed(viewer, "news");
        return new DashboardPage(home(viewer, reading), dashboard(reading, kind), news(reading));
    }

    private static String dashboardPageName(Optional<String> kind) {
        return "dashboard" + kind.map(k -> ":" + k).orElse("");
    }

    private GuardianHome home(Viewer viewer, Reading reading) {
        Snapshot snapshot = reading.snapshot;
        Map<SchoolId, School> schools = reading.schools();
        Map<StudentId, Group> groups = reading.groups();
        List<VisibleChild> children = new ArrayList<>();
        for (StudentId id : snapshot.visibility().children()) {
            Student student = snapshot.students().get(id);
            List<ModuleLink> links = modules.all().stream()
                    .map(ContentModule::descriptor)
                    .filter(d -> d.placement() != Placement.SCHOOL_PAGE && snapshot.visibility().isModuleVisible(id, d.id()))
                    .map(d -> new ModuleLink(d.id(), d.name(), d.placement(), d.earlierSchoolYears()))
                    .toList();
            children.add(new VisibleChild(student, schools.get(student.schoolId()), VisibilityPolicy.groupForEveryGuardian(groups.get(id)), links));
        }
        List<MaintenanceNotice> notices = snapshot.visibility().maintenanceNotices().stream().sorted()
                .map(school -> new MaintenanceNotice(school, LocalizedText.of(
                        "Het Ouderportaal van deze school is in onderhoud. U ziet nu alleen uw eigen gegevens.",
                        "The school's parent portal is being set up. For now you see only your own details.")))
                .toList();
        return new GuardianHome(viewer.guardian(), snapshot.visibility().ownProfile(), children, notices);
    }

    private Dashboard dashboard(Reading reading, Optional<String> kind) {
        Snapshot snapshot = reading.snapshot;
        Visibility visibility = snapshot.visibility();
        LocalDate today = reading.today;
        SchoolYear year = SchoolYear.containing(today);
        Map<SchoolId, School> schools = reading.schools();
        Map<SchoolId, Map<String, String>> options = new HashMap<>();
        List<DashboardEntry> entries = new ArrayList<>();
        for (StudentId id : visibility.children()) {
            Student student = snapshot.students().get(id);
            for (ContentModule<?> module : modules.all()) {
                if (visibility.isOnDashboard(id, module.descriptor().id())) {
                    Map<String, String> schoolOptions = options.computeIfAbsent(student.schoolId(), settings::moduleOptionsJson);
                    entries.addAll(dashboardEntries(module, schoolOptions, student, year, today));
                }
            }
        }
        entries.addAll(activityEntries(reading, year));
        for (NewsMessage message : reading.visibleNews()) {
            entries.add(new DashboardEntry(NEWS, null, message.date(), LocalizedText.of(message.subject(), message.subject()),
                    schools.containsKey(message.school()) && schools.size() > 1
                            ? Value.text(schools.get(message.school()).name()) : null));
        }
        entries.sort(Comparator.comparing(DashboardEntry::date).reversed()
                .thenComparing(DashboardEntry::kind)
                .thenComparing(e -> e.child() == null ? "" : e.child().value())
                .thenComparing(e -> e.title().nl()));
        Set<String> kinds = entries.stream().map(DashboardEntry::kind).collect(Collectors.toSet());
        List<DashboardEntry> shown = kind.map(k -> entries.stream().filter(e -> e.kind().equals(k)).toList()).orElse(entries);
        List<LocalizedText> welcomes = visibility.schools().stream().map(schools::get)
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(School::name))
                .map(s -> LocalizedText.of("Welkom op het Ouderportaal. Dit is het dashboard van school " + s.name(),
                        "Welcome to the parent portal. This is the dashboard of school " + s.name()))
                .toList();
        return new Dashboard(welcomes, shown, kinds);
    }

    /** The guardian's profile page (R-POR-5); empty without an active account. */
    public Optional<Profile> profile(Viewer viewer) {
        Snapshot snapshot = load(viewer, "profile");
        if (!snapshot.visibility().ownProfile()) {
            return Optional.empty();
        }
        var account = accounts.byGuardian(viewer.guardian()).orElseThrow();
        boolean notifications = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                        "select notifications from guardian_preferences where guardian_id = :g")
                .bind("g", viewer.guardian().value()).mapTo(Boolean.class).findOne().orElse(false));
        return sources.get(GuardianSource.class).guardian(viewer.guardian()).map(guardian -> new Profile(guardian,
                account.email(), account.status(), account.lastLoginAt(), notifications, StudentFields.of(guardian),
                // The list is the guardian's own: an administrator viewing as them does not read other staff's visits.
                viewer.isImpersonation() ? List.of()
                        : ImpersonationVisit.group(audit.ofGuardian(viewer.guardian(), "impersonation.", 2000), 100)));
    }

    /**
     * Everything the portal shows the viewer, for download (R-BEYOND-6): profile, home, dashboard, news,
     * every page of every visible child in every year they may see, and the School pages.
     */
    Optional<GuardianExport> export(Viewer viewer) {
        if (viewer.isImpersonation()) {
            throw new ImpersonationReadOnlyException();
        }
        Optional<Profile> profile = profile(viewer);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        GuardianHome home = home(viewer);
        List<ChildPage> pages = new ArrayList<>();
        for (VisibleChild child : home.children()) {
            StudentId id = child.student().id();
            aboutChild(viewer, id).ifPresent(pages::add);
            for (ModuleLink link : child.modules()) {
                if (link.placement() != Placement.CHILD_MENU) {
                    continue;
                }
                modulePage(viewer, id, link.moduleId(), Optional.empty()).ifPresent(page -> {
                    pages.add(page);
                    page.selectableYears().stream().filter(y -> !y.equals(page.schoolYear()))
                            .forEach(year -> modulePage(viewer, id, link.moduleId(), Optional.of(year)).ifPresent(pages::add));
                });
            }
        }
        List<SchoolPage> schools = home.children().stream().map(c -> c.school().id()).distinct()
                .map(school -> schoolPage(viewer, school)).flatMap(Optional::stream).toList();
        return Optional.of(new GuardianExport(clock.instant(), profile.get(), home, dashboard(viewer, Optional.empty()),
                news(viewer), pages, schools, ownRecords(viewer)));
    }

    /**
     * What a guardian may propose corrections for on a visible child's About page (R-CHG-1, R-CHG-4):
     * personal data, address and emergency numbers, and the fields active modules placed there offer
     * (medical: only values the host has). Empty when the child is not visible.
     */
    public Optional<List<CorrectableField>> correctableFields(Viewer viewer, StudentId child) {
        Snapshot snapshot = load(viewer, "corrections:" + child);
        if (!snapshot.visibility().isChildVisible(child)) {
            return Optional.empty();
        }
        Student student = snapshot.students().get(child);
        List<CorrectableField> fields = new ArrayList<>(StudentFields.of(student));
        Map<String, String> options = settings.moduleOptionsJson(student.schoolId());
        SchoolYear current = SchoolYear.containing(today());
        for (ContentModule<?> module : modules.all()) {
            if (module.descriptor().placement() == Placement.ABOUT_CHILD
                    && snapshot.visibility().isModuleVisible(child, module.descriptor().id())) {
                fields.addAll(moduleFields(module, options, student, current));
            }
        }
        return Optional.of(fields);
    }

    /** The module records the guardian's actions stored, for the data export (R-ACT-4, R-BEYOND-6). */
    private List<GuardianExport.Record> ownRecords(Viewer viewer) {
        return nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery("""
                        select module_id, kind, school_id, student_id, body, created_at, updated_at from module_records
                        where guardian_id = :g order by id""")
                .bind("g", viewer.guardian().value())
                .map((rs, ctx) -> {
                    try {
                        return new GuardianExport.Record(rs.getString("module_id"), rs.getString("kind"), rs.getString("school_id"),
                                rs.getString("student_id"), nl.ouderportaal.core.internal.Timestamps.fromColumn(rs, "created_at"),
                                nl.ouderportaal.core.internal.Timestamps.fromColumn(rs, "updated_at"),
                                nl.ouderportaal.core.internal.JsonValues.stored().readTree(rs.getString("body")));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("A stored module record is not JSON", e);
                    }
                }).list());
    }

    /** The guardian's own correctable data (the profile's edit pencils, R-CHG-2). */
    public List<CorrectableField> ownCorrectableFields(Viewer viewer) {
        return sources.get(GuardianSource.class).guardian(viewer.guardian()).map(StudentFields::of).orElse(List.of());
    }

    private <O> List<CorrectableField> moduleFields(ContentModule<O> module, Map<String, String> options, Student student,
                                                    SchoolYear year) {
        return module.correctableFields(context(module, options, student, year, today()));
    }

    /**
     * The dashboard image of a school of a visible child (R-POR-1, R-SET-3): the school's own or the
     * default; empty for any other school.
     */
    public Optional<byte[]> dashboardImage(Viewer viewer, SchoolId school) {
        Snapshot snapshot = load(viewer, "image:" + school);
        if (!snapshot.visibility().schools().contains(school)) {
            return Optional.empty();
        }
        return Optional.of(settings.dashboardImage(school).orElseGet(DashboardImages::defaultImage));
    }

    /**
     * The news the viewer may read today (R-NEWS-2), newest first; the text is sanitised again on the way
     * out (R-NEWS-3).
     */
    public List<NewsItem> news(Viewer viewer) {
        return news(new Reading(load(viewer, "news")));
    }

    private List<NewsItem> news(Reading reading) {
        Map<SchoolId, School> schools = reading.schools();
        return reading.visibleNews().stream()
                .map(m -> new NewsItem(m.id(), m.school(), schools.containsKey(m.school()) ? schools.get(m.school()).name() : null,
                        m.subject(), m.date(), NewsHtml.sanitize(m.html())))
                .toList();
    }

    /**
     * A module's page about a child in a school year (the current year when none is given); empty when
     * the viewer may not see it, so that a caller cannot tell a hidden child from an unknown one.
     */
    public Optional<ChildPage> modulePage(Viewer viewer, StudentId child, String moduleId, Optional<SchoolYear> schoolYear) {
        Optional<ContentModule<?>> module = modules.find(moduleId);
        if (module.isEmpty() || module.get().descriptor().placement() != Placement.CHILD_MENU) {
            return Optional.empty();
        }
        Snapshot snapshot = load(viewer, "module:" + moduleId + ":" + child + schoolYear.map(y -> ":" + y).orElse(""));
        Visibility visibility = snapshot.visibility();
        if (!visibility.isModuleVisible(child, moduleId)) {
            return Optional.empty();
        }
        Student student = snapshot.students().get(child);
        SchoolYear current = SchoolYear.containing(today());
        SchoolYear requested = schoolYear.orElse(current);
        ModuleDescriptor<?> descriptor = module.get().descriptor();
        List<SchoolYear> hostYears = descriptor.earlierSchoolYears()
                ? sources.get(SchoolSource.class).schoolYears(student.schoolId()) : List.of();
        if (!VisibilityPolicy.maySeeSchoolYear(visibility, child, moduleId, descriptor.earlierSchoolYears(), requested,
                current, hostYears)) {
            return Optional.empty();
        }
        List<SchoolYear> selectable = new LinkedHashSet<>(concat(current, hostYears)).stream()
                .filter(y -> VisibilityPolicy.maySeeSchoolYear(visibility, child, moduleId, descriptor.earlierSchoolYears(),
                        y, current, hostYears))
                .sorted(Comparator.reverseOrder())
                .toList();
        Map<String, String> options = settings.moduleOptionsJson(student.schoolId());
        List<Section> sections = childSections(module.get(), options, student, requested);
        return Optional.of(new ChildPage(child, moduleId, requested, selectable, sections));
    }

    /**
     * One section of a module page (a report, say) as an A4 PDF (R-POR-2), under the same visibility as
     * the page itself; empty when the viewer may not see it or no section has that anchor.
     */
    public Optional<byte[]> sectionPdf(Viewer viewer, StudentId child, String moduleId, Optional<SchoolYear> schoolYear,
                                       String anchor, Locale locale) {
        return modulePage(viewer, child, moduleId, schoolYear).flatMap(page -> page.sections().stream()
                .filter(section -> anchor.equals(section.anchor()))
                .findFirst()
                .map(section -> {
                    Student student = sources.get(StudentSource.class).students(List.of(child)).get(0);
                    String school = schools(Set.of(student.schoolId())).values().stream().map(School::name)
                            .findFirst().orElse(null);
                    return PdfRenderer.render(section.title().in(locale) + " – " + student.name().displayName(), school,
                            List.of(section), locale);
                }));
    }

    /**
     * The "about the child" page (R-POR-2): the always-visible personal data, emergency numbers, group,
     * registration, remark and school career, followed by active modules placed there (medical).
     */
    public Optional<ChildPage> aboutChild(Viewer viewer, StudentId child) {
        Snapshot snapshot = load(viewer, "about:" + child);
        if (!snapshot.visibility().isChildVisible(child)) {
            return Optional.empty();
        }
        Student student = snapshot.students().get(child);
        SchoolYear current = SchoolYear.containing(today());
        Group group = sources.get(GroupSource.class).groupsOfStudents(List.of(child), current).get(child);
        List<Section> sections = new ArrayList<>(AboutChildSections.of(student, group));
        Map<String, String> options = settings.moduleOptionsJson(student.schoolId());
        for (ContentModule<?> module : modules.all()) {
            if (module.descriptor().placement() == Placement.ABOUT_CHILD
                    && snapshot.visibility().isModuleVisible(child, module.descriptor().id())) {
                sections.addAll(childSections(module, options, student, current));
            }
        }
        return Optional.of(new ChildPage(child, ABOUT, current, List.of(current), sections));
    }

    /**
     * The School page of a school where the viewer has a visible child; empty otherwise (R-POR-5). Staff
     * contact details follow the staff module's options.
     */
    public Optional<SchoolPage> schoolPage(Viewer viewer, SchoolId school) {
        Snapshot snapshot = load(viewer, "school:" + school);
        if (!snapshot.visibility().schools().contains(school)) {
            return Optional.empty();
        }
        School data = schools(Set.of(school)).get(school);
        if (data == null) {
            return Optional.empty();
        }
        String website = settings.schoolSettings(Set.of(school)).get(school).websiteUrl();
        Map<String, String> options = settings.moduleOptionsJson(school);
        List<Section> sections = new ArrayList<>();
        for (ContentModule<?> module : modules.all()) {
            if (module.descriptor().placement() == Placement.SCHOOL_PAGE
                    && VisibilityPolicy.isSchoolModuleVisible(snapshot.visibility(), snapshot.students(), school,
                    module.descriptor().id())) {
                sections.addAll(schoolSections(module, options, data));
            }
        }
        return Optional.of(new SchoolPage(data, website, sections));
    }

    private <O> List<Section> schoolSections(ContentModule<O> module, Map<String, String> options, School school) {
        ModuleDescriptor<O> descriptor = module.descriptor();
        O moduleOptions = codec.read(descriptor, options.get(descriptor.id()));
        return module.schoolPage(ModuleContexts.school(module, sources, moduleOptions, today(), school));
    }

    private <O> List<Section> childSections(ContentModule<O> module, Map<String, String> options, Student student,
                                            SchoolYear year) {
        return module.childPage(context(module, options, student, year, today()));
    }

    private <O> List<DashboardEntry> dashboardEntries(ContentModule<O> module, Map<String, String> options,
                                                      Student student, SchoolYear year, LocalDate today) {
        String id = module.descriptor().id();
        List<DashboardEntry> entries = module.dashboard(context(module, options, student, year, today));
        for (DashboardEntry entry : entries) {
            // A module speaks only for itself and for the child it was asked about.
            if (!entry.kind().equals(id) || (entry.child() != null && !entry.child().equals(student.id()))) {
                throw new IllegalStateException("Content module '" + id + "' returned a dashboard entry of kind '"
                        + entry.kind() + "' for child " + entry.child() + " when asked about " + student.id());
            }
        }
        return entries;
    }

    private <O> ChildContext<O> context(ContentModule<O> module, Map<String, String> options, Student student,
                                        SchoolYear year, LocalDate today) {
        ModuleDescriptor<O> descriptor = module.descriptor();
        O moduleOptions = codec.read(descriptor, options.get(descriptor.id()));
        return ModuleContexts.child(module, sources, moduleOptions, today, student, year,
                StoreModuleRecords.reading(store, student.schoolId(), descriptor.id(), clock));
    }

    private List<DashboardEntry> activityEntries(Reading reading, SchoolYear year) {
        Snapshot snapshot = reading.snapshot;
        Map<SchoolId, School> schools = reading.schools();
        Map<StudentId, GroupId> groups = reading.groupIds();
        LocalDate today = reading.today;
        List<DashboardEntry> entries = new ArrayList<>();
        ActivitySource activities = sources.get(ActivitySource.class);
        for (SchoolId school : snapshot.visibility().schools()) {
            for (Activity activity : activities.publishedActivities(school, year)) {
                boolean upcoming = !activity.end().isBefore(today) && !activity.start().isAfter(today.plusDays(ACTIVITY_DAYS_AHEAD));
                if (upcoming && VisibilityPolicy.isActivityVisible(snapshot.visibility(), snapshot.students(), groups, activity)) {
                    // With children at several schools, say whose activity it is.
                    String title = schools.size() > 1 && schools.containsKey(school)
                            ? activity.title() + " (" + schools.get(school).name() + ")" : activity.title();
                    entries.add(new DashboardEntry(ACTIVITIES, null, activity.start(), LocalizedText.of(title, title),
                            activity.start().equals(activity.end()) ? Value.day(activity.start())
                                    : Value.dayRange(activity.start(), activity.end())));
                }
            }
        }
        return entries;
    }

    private Map<SchoolId, School> schools(Set<SchoolId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sources.get(SchoolSource.class).schools(ids).stream()
                .collect(Collectors.toMap(School::id, Function.identity(), (a, b) -> a));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static List<SchoolYear> concat(SchoolYear first, List<SchoolYear> rest) {
        List<SchoolYear> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /**
     * One answer's reads: the snapshot and, read once when first needed, the host data that several parts
     * of the answer share (the schools, the children's current groups, the visible news). Not shared
     * between requests: every answer starts from fresh facts.
     */
    private final class Reading {
        private final Snapshot snapshot;
        private final LocalDate today = today();
        private Map<SchoolId, School> schools;
        private Map<StudentId, Group> groups;
        private List<NewsMessage> visibleNews;

        private Reading(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        Map<SchoolId, School> schools() {
            if (schools == null) {
                schools = GuardianPortal.this.schools(snapshot.visibility().schools());
            }
            return schools;
        }

        Map<StudentId, Group> groups() {
            if (groups == null) {
                groups = snapshot.visibility().children().isEmpty() ? Map.of()
                        : sources.get(GroupSource.class).groupsOfStudents(snapshot.visibility().children(), SchoolYear.containing(today));
            }
            return groups;
        }

        Map<StudentId, GroupId> groupIds() {
            return groups().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
        }

        List<NewsMessage> visibleNews() {
            if (visibleNews == null && snapshot.visibility().schools().isEmpty()) {
                visibleNews = List.of();
            } else if (visibleNews == null) {
                Map<StudentId, GroupId> groupIds = groupIds();
                visibleNews = news.publishedOn(snapshot.visibility().schools(), today).stream()
                        .filter(m -> VisibilityPolicy.isNewsVisible(snapshot.visibility(), snapshot.students(), groupIds, m, today))
                        .toList();
            }
            return visibleNews;
        }
    }

    private Snapshot load(Viewer viewer, String page) {
        return snapshots.load(viewer, page);
    }
}
