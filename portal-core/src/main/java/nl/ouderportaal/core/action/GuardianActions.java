package nl.ouderportaal.core.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.WritePermit;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.internal.ActionCatalog;
import nl.ouderportaal.core.internal.ActionContexts;
import nl.ouderportaal.core.internal.ActionInputs;
import nl.ouderportaal.core.internal.ActionMails;
import nl.ouderportaal.core.internal.GuardianSnapshots;
import nl.ouderportaal.core.internal.GuardianSnapshots.Snapshot;
import nl.ouderportaal.core.internal.RateLimits;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.action.ActingGuardian;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionContext;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.ActionScope;
import nl.ouderportaal.spi.action.Availability;
import nl.ouderportaal.spi.action.GuardianAction;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.Student;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.record.DuplicateKeyException;

/**
 * Guardians' actions of the installed modules (R-ACT): what is offered to a viewer now, and running one.
 * Whether an action may run is decided here, in one place, for every module alike: the viewer sees the
 * child (the visibility policy), the module is active at the child's school, the module says the action
 * is available, the session may write (a {@link WritePermit}: an impersonation cannot produce one), and
 * the guardian's rate limit holds. The input is bound and validated, and the handler, its module records,
 * the audit event and the mails commit in one transaction or not at all. Thread-safe.
 */
public final class GuardianActions {

    /** The core's page about a child, whose action {@code correct} proposes corrections (R-CHG). */
    public static final String ABOUT = "about";
    /** The guardian's own profile, whose action {@code correct} proposes corrections of their own data. */
    public static final String PROFILE = "profile";

    private final GuardianSnapshots snapshots;
    private final ActionCatalog catalog;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final ActionInputs inputs;
    private final RateLimits rateLimits;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final PortalStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final int maxActions;
    private final Duration window;
    private final nl.ouderportaal.core.internal.PortalMetrics metrics;

    public GuardianActions(GuardianSnapshots snapshots, ActionCatalog catalog, HostSources sources, AccountRepository accounts,
                           ActionInputs inputs, RateLimits rateLimits, MailOutbox outbox, AuditLog audit, PortalStore store,
                           Clock clock, ZoneId zone, int maxActions, Duration window,
                           nl.ouderportaal.core.internal.PortalMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.sources = sources;
        this.accounts = accounts;
        this.inputs = inputs;
        this.rateLimits = rateLimits;
        this.outbox = outbox;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.maxActions = maxActions;
        this.window = window;
    }

    /**
     * An installed action, as its module declared it: for documentation (the OpenAPI document lists every
     * action's input), not for a viewer.
     *
     * @param module the module's id, or the core's page ({@code about}, {@code profile})
     * @param descriptor the action's descriptor
     */
    public record ActionType(String module, nl.ouderportaal.spi.action.ActionDescriptor<?> descriptor) {
    }

    /** Every installed guardian action, in module order. */
    public List<ActionType> types() {
        List<ActionType> types = new ArrayList<>();
        for (ActionCatalog.Area area : catalog.areas()) {
            catalog.actions(area.id()).forEach(action -> types.add(new ActionType(area.id(), action.descriptor())));
        }
        return types;
    }

    /**
     * The actions offered for a child, across modules, with their forms and availability now; empty when
     * the viewer may not see the child (so that a hidden child and an unknown one look the same). An
     * impersonating administrator sees what the guardian would see; running any of them is refused.
     */
    public Optional<List<OfferedAction>> forChild(Viewer viewer, StudentId child) {
        Snapshot snapshot = snapshots.load(viewer, "actions:" + child);
        if (!snapshot.visibility().isChildVisible(child)) {
            return Optional.empty();
        }
        Scope scope = scope(viewer, snapshot, snapshot.students().get(child));
        List<OfferedAction> offered = new ArrayList<>();
        for (ActionCatalog.Area area : catalog.areas()) {
            if (!shown(area, snapshot, child)) {
                continue;
            }
            for (GuardianAction<?, ?> action : catalog.actions(area.id())) {
                if (action.descriptor().scope() == ActionScope.CHILD) {
                    offer(area, action, scope).ifPresent(offered::add);
                }
            }
        }
        return Optional.of(offered);
    }

    /** The actions a guardian has for themself (corrections of their own data, ...), with their forms now. */
    public List<OfferedAction> forGuardian(Viewer viewer) {
        Snapshot snapshot = snapshots.load(viewer, "actions:me");
        if (!snapshot.visibility().ownProfile()) {
            return List.of();
        }
        Scope scope = scope(viewer, snapshot, null);
        if (scope.schools().isEmpty()) {
            // Own actions go to the schools of the visible children; with none (maintenance, no viewing right) there is no one to tell.
            return List.of();
        }
        List<OfferedAction> offered = new ArrayList<>();
        for (ActionCatalog.Area area : catalog.areas()) {
            if (!area.core() && snapshot.visibility().children().stream()
                    .noneMatch(child -> snapshot.visibility().isModuleVisible(child, area.id()))) {
                continue;
            }
            for (GuardianAction<?, ?> action : catalog.actions(area.id())) {
                if (action.descriptor().scope() == ActionScope.GUARDIAN) {
                    offer(area, action, scope).ifPresent(offered::add);
                }
            }
        }
        return offered;
    }

    /**
     * The actions to offer on the dashboard, per visible child, that can be used now (Ziek melden). Asks the
     * modules only when an installed action is placed on the dashboard at all.
     */
    public Map<StudentId, List<OfferedAction>> forDashboard(Viewer viewer) {
        boolean any = catalog.areas().stream().flatMap(a -> catalog.actions(a.id()).stream())
                .anyMatch(a -> a.descriptor().placements().contains(nl.ouderportaal.spi.action.ActionPlacement.DASHBOARD));
        if (!any) {
            return Map.of();
        }
        Map<StudentId, List<OfferedAction>> offered = new java.util.LinkedHashMap<>();
        for (StudentId child : snapshots.load(viewer, "actions:dashboard").visibility().children()) {
            forChild(viewer, child).ifPresent(list -> {
                List<OfferedAction> shown = list.stream().filter(a -> a.available()
                        && a.placements().contains(nl.ouderportaal.spi.action.ActionPlacement.DASHBOARD)).toList();
                if (!shown.isEmpty()) {
                    offered.put(child, shown);
                }
            });
        }
        return offered;
    }

    /** One action offered for a child (the form page); empty when not visible or unknown. */
    public Optional<OfferedAction> find(Viewer viewer, StudentId child, String moduleId, String actionId) {
        return forChild(viewer, child).flatMap(list -> list.stream()
                .filter(a -> a.module().equals(moduleId) && a.id().equals(actionId)).findFirst());
    }

    /** One action of the guardian themself (the form page); empty when unknown. */
    public Optional<OfferedAction> find(Viewer viewer, String moduleId, String actionId) {
        return forGuardian(viewer).stream().filter(a -> a.module().equals(moduleId) && a.id().equals(actionId)).findFirst();
    }

    /**
     * Runs an action about a child.
     *
     * @param input the input as JSON-like values (text, numbers, booleans) by field name
     * @return what became of it; empty when the child is not visible, the module not active there or the
     *     action unknown: nothing ran, and the caller cannot tell which
     * @throws ActionUnavailableException when the module says it cannot be used now (nothing ran)
     * @throws nl.ouderportaal.core.validation.PortalValidationException for input that is refused, tied to fields
     * @throws ActionConflictException when the module refuses because of the current state (rolled back)
     * @throws ActionRateLimitedException beyond the guardian's rate limit (nothing ran)
     */
    public Optional<ActionResult> run(WritePermit permit, StudentId child, String moduleId, String actionId,
                                      Map<String, ?> input) {
        Viewer viewer = Viewer.of(permit);
        Snapshot snapshot = snapshots.load(viewer, "action:" + moduleId + ":" + actionId);
        if (!snapshot.visibility().isChildVisible(child)) {
            return Optional.empty();
        }
        Optional<ActionCatalog.Area> area = catalog.area(moduleId).filter(a -> shown(a, snapshot, child));
        Optional<GuardianAction<?, ?>> action = area.flatMap(a -> catalog.action(a.id(), actionId))
                .filter(a -> a.descriptor().scope() == ActionScope.CHILD);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        return execute(area.get(), action.get(), scope(viewer, snapshot, snapshot.students().get(child)), permit, input);
    }

    /**
     * Runs an action of the guardian themself; see {@link #run(WritePermit, StudentId, String, String, Map)}.
     */
    public Optional<ActionResult> run(WritePermit permit, String moduleId, String actionId, Map<String, ?> input) {
        Viewer viewer = Viewer.of(permit);
        Snapshot snapshot = snapshots.load(viewer, "action:" + moduleId + ":" + actionId);
        if (!snapshot.visibility().ownProfile()) {
            return Optional.empty();
        }
        Optional<ActionCatalog.Area> area = catalog.area(moduleId).filter(a -> a.core() || snapshot.visibility().children()
                .stream().anyMatch(child -> snapshot.visibility().isModuleVisible(child, a.id())));
        Optional<GuardianAction<?, ?>> action = area.flatMap(a -> catalog.action(a.id(), actionId))
                .filter(a -> a.descriptor().scope() == ActionScope.GUARDIAN);
        Scope scope = scope(viewer, snapshot, null);
        if (action.isEmpty() || scope.schools().isEmpty()) {
            return Optional.empty();
        }
        return execute(area.get(), action.get(), scope, permit, input);
    }

    private boolean shown(ActionCatalog.Area area, Snapshot snapshot, StudentId child) {
        return area.core() ? area.id().equals(ABOUT) && snapshot.visibility().isChildVisible(child)
                : snapshot.visibility().isModuleVisible(child, area.id());
    }

    private <O, I> Optional<OfferedAction> offer(ActionCatalog.Area area, GuardianAction<O, I> action, Scope scope) {
        ActionContext<O> context = context(area, action, scope, null);
        Availability availability = action.availability(context);
        if (!availability.offered()) {
            return Optional.empty();
        }
        return Optional.of(new OfferedAction(area.id(), action.descriptor().id(), action.descriptor().name(),
                action.descriptor().scope(), action.descriptor().placements(), availability.available(), availability.reason(),
                action.form(context)));
    }

    private <O, I> Optional<ActionResult> execute(ActionCatalog.Area area, GuardianAction<O, I> action, Scope scope, WritePermit permit,
                                        Map<String, ?> raw) {
        ActionContext<O> looking = context(area, action, scope, null);
        Availability availability = action.availability(looking);
        if (!availability.offered()) {
            return Optional.empty();
        }
        String outcome = "failed";
        try {
            if (!availability.available()) {
                outcome = "unavailable";
                throw new ActionUnavailableException(availability.reason());
            }
            ActionResult result = executeAvailable(area, action, scope, permit, raw, looking);
            outcome = "done";
            return Optional.of(result);
        } catch (nl.ouderportaal.core.validation.PortalValidationException e) {
            outcome = "invalid";
            throw e;
        } catch (ActionConflictException e) {
            outcome = "conflict";
            throw e;
        } catch (ActionRateLimitedException e) {
            outcome = "rate-limited";
            throw e;
        } finally {
            // Counted once per attempt that reached the action, by how it ended (portal.actions in the metrics).
            metrics.actionRan(area.id(), action.descriptor().id(), outcome);
        }
    }

    private <O, I> ActionResult executeAvailable(ActionCatalog.Area area, GuardianAction<O, I> action, Scope scope,
                                                 WritePermit permit, Map<String, ?> raw, ActionContext<O> looking) {
        I input = inputs.bind(action.form(looking), action.descriptor().inputType(), raw);
        Instant now = clock.instant();
        String limitKey = "action:" + permit.guardian().value();
        List<Runnable> afterCommit = new ArrayList<>();
        ActionOutcome outcome = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            // Counted in the action's transaction: an action that is refused or rolled back does not count.
            if (!rateLimits.tryAcquire(h, limitKey, maxActions, window, now)) {
                throw new ActionRateLimitedException(rateLimits.windowEnd(limitKey, window, now));
            }
            ActionContexts.Records records = new ActionContexts.Records(store, h, area.id(), clock, afterCommit);
            ActionContext<O> context = context(area, action, scope, records);
            ActionOutcome result;
            try {
                result = action.run(context, input);
            } catch (InvalidInputException e) {
                throw ActionInputs.of(e);
            } catch (DuplicateKeyException e) {
                throw new ActionConflictException("Dit is intussen al gedaan of gekozen. Kijk op de pagina wat er nu staat.",
                        "This has just been done or chosen. See the page for what it shows now.");
            }
            List<SchoolId> audited = scope.child() != null ? List.of(scope.child().schoolId())
                    : scope.schools().stream().map(School::id).toList();
            String detail = action.descriptor().id() + (scope.child() == null ? "" : " for " + scope.child().id())
                    + (result.audit() == null ? "" : ": " + result.audit());
            for (SchoolId school : audited) {
                nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "action." + area.id() + "." + action.descriptor().id(), school,
                        AuditEvent.ActorType.GUARDIAN, permit.guardian().value(), null, permit.guardian(),
                        detail.length() > 500 ? detail.substring(0, 500) : detail));
            }
            ActionMails.enqueue(h, outbox, accounts, result.mails(), permit.guardian(), audited.isEmpty() ? null : audited.get(0), now);
            return result;
        });
        afterCommit.forEach(Runnable::run);
        return new ActionResult(outcome.created(), outcome.message(), outcome.reference(), outcome.details());
    }

    private <O> ActionContext<O> context(ActionCatalog.Area area, GuardianAction<O, ?> action, Scope scope,
                                         ActionContexts.Records records) {
        ContentModule<O> module = module(area);
        ModuleDescriptor<O> descriptor = module.descriptor();
        School school = scope.child() != null ? scope.schoolsById().get(scope.child().schoolId())
                : scope.schools().stream().findFirst().orElseThrow(() ->
                        new IllegalStateException("A guardian action needs a school of a visible child"));
        O options = snapshots.options(descriptor, school.id());
        ActionContexts.Declared declared = ActionContexts.Declared.of(area.id(), descriptor.requiredSources(),
                action.requiredSinks(), sources);
        ActionContexts.Records store = records != null ? records
                : new ActionContexts.Records(this.store, null, area.id(), clock, List.of());
        return ActionContexts.guardian(options, declared, scope.guardian(), scope.child(), school, scope.schools(),
                scope.children(), clock.instant(), zone, store);
    }

    @SuppressWarnings("unchecked")
    private static <O> ContentModule<O> module(ActionCatalog.Area area) {
        return (ContentModule<O>) area.module();
    }

    private Scope scope(Viewer viewer, Snapshot snapshot, Student child) {
        Guardian guardian = sources.get(GuardianSource.class).guardian(viewer.guardian()).orElseThrow(() ->
                new IllegalStateException("The host no longer knows guardian " + viewer.guardian()));
        List<Student> children = snapshot.visibility().children().stream().map(snapshot.students()::get).toList();
        List<SchoolId> schoolIds = new ArrayList<>();
        if (child != null) {
            schoolIds.add(child.schoolId());
        }
        children.stream().map(Student::schoolId).filter(s -> !schoolIds.contains(s)).forEach(schoolIds::add);
        Map<SchoolId, School> byId = schoolIds.isEmpty() ? Map.of() : sources.get(SchoolSource.class).schools(schoolIds).stream()
                .collect(Collectors.toMap(School::id, Function.identity(), (a, b) -> a));
        List<School> schools = schoolIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new Scope(new ActingGuardian(guardian.id(), guardian.name()), child, children, schools, byId);
    }

    private record Scope(ActingGuardian guardian, Student child, List<Student> children, List<School> schools,
                         Map<SchoolId, School> schoolsById) {
    }
}
