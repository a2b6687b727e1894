package nl.ouderportaal.core.action;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.ouderportaal.core.HostSources;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.admin.StaffAccess;
import nl.ouderportaal.core.admin.StaffTableXlsx;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.internal.ActionCatalog;
import nl.ouderportaal.core.internal.ActionContexts;
import nl.ouderportaal.core.internal.ActionInputs;
import nl.ouderportaal.core.internal.ActionMails;
import nl.ouderportaal.core.internal.GuardianSnapshots;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.render.PdfRenderer;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.action.ActionConflictException;
import nl.ouderportaal.spi.action.ActionOutcome;
import nl.ouderportaal.spi.action.InvalidInputException;
import nl.ouderportaal.spi.action.StaffAction;
import nl.ouderportaal.spi.action.StaffContext;
import nl.ouderportaal.spi.action.StaffTable;
import nl.ouderportaal.spi.action.StaffView;
import nl.ouderportaal.spi.host.School;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.record.DuplicateKeyException;
import nl.ouderportaal.spi.view.Block;
import nl.ouderportaal.spi.view.Section;
import nl.ouderportaal.spi.view.Value;

/**
 * Modules' staff views and staff actions for a school (R-ACT-7), with the mechanics of guardian
 * actions: the staff user serves the school and has the role the view or action needs (a refusal is
 * audited), the input is bound and validated, and the handler, its records, the audit event and the mails
 * commit together. A module need not be active at a school for its staff to set it up. Thread-safe.
 */
public final class StaffActions {

    private final ActionCatalog catalog;
    private final GuardianSnapshots snapshots;
    private final HostSources sources;
    private final AccountRepository accounts;
    private final StaffAccess access;
    private final ActionInputs inputs;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final PortalStore store;
    private final Clock clock;
    private final ZoneId zone;

    public StaffActions(ActionCatalog catalog, GuardianSnapshots snapshots, HostSources sources, AccountRepository accounts,
                        StaffAccess access, ActionInputs inputs, MailOutbox outbox, AuditLog audit, PortalStore store,
                        Clock clock, ZoneId zone) {
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.sources = sources;
        this.accounts = accounts;
        this.access = access;
        this.inputs = inputs;
        this.outbox = outbox;
        this.audit = audit;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * An installed staff action, for documentation.
     *
     * @param module the module's id
     * @param descriptor the action's descriptor
     */
    public record StaffActionType(String module, StaffAction.Descriptor<?> descriptor) {
    }

    /** Every installed staff action, in module order. */
    public List<StaffActionType> types() {
        List<StaffActionType> types = new ArrayList<>();
        for (ActionCatalog.Area area : catalog.areas()) {
            catalog.staffActions(area.id()).forEach(action -> types.add(new StaffActionType(area.id(), action.descriptor())));
        }
        return types;
    }

    /** The views the staff user may open for the school, across modules. */
    public List<OfferedStaffView> views(StaffActor actor, SchoolId school) {
        List<OfferedStaffView> views = new ArrayList<>();
        for (ActionCatalog.Area area : catalog.areas()) {
            for (StaffView<?> view : catalog.staffViews(area.id())) {
                StaffView.Descriptor d = view.descriptor();
                if (allowed(actor, school, d.role())) {
                    views.add(new OfferedStaffView(area.id(), d.id(), d.name(), d.role(), d.parameters()));
                }
            }
        }
        return views;
    }

    /** The actions the staff user may run for the school, with their forms now. */
    public List<OfferedStaffAction> actions(StaffActor actor, SchoolId school) {
        List<OfferedStaffAction> offered = new ArrayList<>();
        School data = school(school).orElse(null);
        if (data == null) {
            return offered;
        }
        for (ActionCatalog.Area area : catalog.areas()) {
            for (StaffAction<?, ?> action : catalog.staffActions(area.id())) {
                if (allowed(actor, school, action.descriptor().role())) {
                    offered.add(offer(area, action, actor, data));
                }
            }
        }
        return offered;
    }

    /**
     * A view's table for the school; empty for an unknown module or view.
     *
     * @throws nl.ouderportaal.core.admin.AccessRefusedException (audited) when the staff user does not serve the
     *     school or lacks the view's role
     */
    public Optional<StaffTable> view(StaffActor actor, SchoolId school, String moduleId, String viewId,
                                     Map<String, String> parameters) {
        Optional<ActionCatalog.Area> area = catalog.area(moduleId);
        Optional<StaffView<?>> view = area.flatMap(a -> catalog.staffView(a.id(), viewId));
        if (view.isEmpty()) {
            return Optional.empty();
        }
        require(actor, school, view.get().descriptor().role(), "view " + moduleId + "/" + viewId);
        School data = school(school).orElseThrow();
        return Optional.of(table(area.get(), view.get(), actor, data, parameters));
    }

    /** A view's table as an xlsx sheet (injection-safe), streamed to {@code out}. */
    public void writeXlsx(StaffTable table, Locale locale, OutputStream out) throws IOException {
        StaffTableXlsx.write(table, locale, out);
    }

    /** A view's table as an A4 PDF to print. */
    public byte[] pdf(StaffTable table, SchoolId school, Locale locale) {
        List<List<Value>> rows = table.rows().stream().map(row -> row.stream().map(Value::text).toList()).toList();
        Section section = new Section(table.title(), table.note() == null
                ? List.of(new Block.Table(table.headers(), rows, LocalizedText.of("Niets te tonen.", "Nothing to show.")))
                : List.of(new Block.Table(table.headers(), rows, LocalizedText.of("Niets te tonen.", "Nothing to show.")),
                        new Block.Notice(table.note())));
        return PdfRenderer.render(table.title().in(locale), school(school).map(School::name).orElse(null), List.of(section), locale);
    }

    /** One staff action as offered (its form page); empty when unknown or not allowed. */
    public Optional<OfferedStaffAction> find(StaffActor actor, SchoolId school, String moduleId, String actionId) {
        return actions(actor, school).stream().filter(a -> a.module().equals(moduleId) && a.id().equals(actionId)).findFirst();
    }

    /**
     * Runs a staff action for the school; empty for an unknown module or action.
     *
     * @throws nl.ouderportaal.core.admin.AccessRefusedException (audited) without the school or the role
     * @throws nl.ouderportaal.core.validation.PortalValidationException for refused input, tied to fields
     * @throws ActionConflictException when the module refuses because of the current state (rolled back)
     */
    public Optional<ActionResult> run(StaffActor actor, SchoolId school, String moduleId, String actionId, Map<String, ?> input) {
        Optional<ActionCatalog.Area> area = catalog.area(moduleId);
        Optional<StaffAction<?, ?>> action = area.flatMap(a -> catalog.staffAction(a.id(), actionId));
        if (action.isEmpty()) {
            return Optional.empty();
        }
        require(actor, school, action.get().descriptor().role(), "action " + moduleId + "/" + actionId);
        return Optional.of(execute(area.get(), action.get(), actor, school(school).orElseThrow(), input));
    }

    /**
     * Runs every module's daily work ({@link ContentModule#daily}) at each school where the module is active,
     * one transaction per module and school, so that one school's failure leaves the others done. Schedule it
     * daily or more often on any node; two nodes at once are safe when the module guards its work with unique
     * record keys (as the SPI asks).
     *
     * @return how many mails were queued
     */
    public int runDaily() {
        int queued = 0;
        for (ActionCatalog.Area area : catalog.areas()) {
            if (area.core()) {
                continue;
            }
            List<String> schools = nl.ouderportaal.core.internal.Database.jdbi(store).withHandle(h -> h.createQuery(
                            "select school_id from module_settings where module_id = :module and active = true order by school_id")
                    .bind("module", area.id()).mapTo(String.class).list());
            for (String id : schools) {
                Optional<School> school = school(SchoolId.of(id));
                if (school.isPresent()) {
                    queued += daily(area, school.get());
                }
            }
        }
        return queued;
    }

    private <O> int daily(ActionCatalog.Area area, School school) {
        @SuppressWarnings("unchecked")
        ContentModule<O> module = (ContentModule<O>) area.module();
        StaffActor portal = new StaffActor(nl.ouderportaal.spi.StaffId.of("portal"), "Ouderportaal", java.util.Set.of(),
                java.util.Set.of(school.id()));
        Instant now = clock.instant();
        return nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            StaffContext<O> context = context(area, java.util.Set.of(), portal, school,
                    new ActionContexts.Records(store, h, area.id(), clock, new ArrayList<>()), Map.of());
            List<nl.ouderportaal.spi.action.ActionMail> mails = module.daily(context);
            if (mails.isEmpty()) {
                return 0;
            }
            int sent = ActionMails.enqueue(h, outbox, accounts, mails, null, school.id(), now);
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "daily." + area.id(), school.id(), AuditEvent.ActorType.SYSTEM,
                    portal.id().value(), portal.name(), null, mails.size() + " mails, " + sent + " queued"));
            return sent;
        });
    }

    private <O, I> ActionResult execute(ActionCatalog.Area area, StaffAction<O, I> action, StaffActor actor, School school,
                                        Map<String, ?> raw) {
        I input = inputs.bind(action.form(context(area, action.requiredSinks(), actor, school, null, Map.of())),
                action.descriptor().inputType(), raw);
        Instant now = clock.instant();
        ActionOutcome outcome = nl.ouderportaal.core.internal.Database.jdbi(store).inTransaction(h -> {
            StaffContext<O> context = context(area, action.requiredSinks(), actor, school,
                    new ActionContexts.Records(store, h, area.id(), clock, new ArrayList<>()), Map.of());
            ActionOutcome result;
            try {
                result = action.run(context, input);
            } catch (InvalidInputException e) {
                throw ActionInputs.of(e);
            } catch (DuplicateKeyException e) {
                throw new ActionConflictException("Dit bestaat al. Kijk op de pagina wat er nu staat.",
                        "This exists already. See the page for what it shows now.");
            }
            String detail = action.descriptor().id() + (result.audit() == null ? "" : ": " + result.audit());
            nl.ouderportaal.core.internal.AuditTrail.append(h, new AuditEvent(now, "staff-action." + area.id() + "." + action.descriptor().id(), school.id(),
                    AuditEvent.ActorType.STAFF, actor.id().value(), actor.name(), null,
                    detail.length() > 500 ? detail.substring(0, 500) : detail));
            ActionMails.enqueue(h, outbox, accounts, result.mails(), null, school.id(), now);
            return result;
        });
        return new ActionResult(outcome.created(), outcome.message(), outcome.reference(), outcome.details());
    }

    private <O> OfferedStaffAction offer(ActionCatalog.Area area, StaffAction<O, ?> action, StaffActor actor, School school) {
        StaffContext<O> context = context(area, action.requiredSinks(), actor, school, null, Map.of());
        StaffAction.Descriptor<?> d = action.descriptor();
        return new OfferedStaffAction(area.id(), d.id(), d.name(), d.role(), action.form(context));
    }

    private <O> StaffTable table(ActionCatalog.Area area, StaffView<O> view, StaffActor actor, School school,
                                 Map<String, String> parameters) {
        return view.table(context(area, java.util.Set.of(), actor, school, null, parameters));
    }

    private <O> StaffContext<O> context(ActionCatalog.Area area, java.util.Set<Class<?>> sinks, StaffActor actor, School school,
                                        ActionContexts.Records records, Map<String, String> parameters) {
        @SuppressWarnings("unchecked")
        ContentModule<O> module = (ContentModule<O>) area.module();
        ModuleDescriptor<O> descriptor = module.descriptor();
        O options = snapshots.options(descriptor, school.id());
        ActionContexts.Records store = records != null ? records
                : new ActionContexts.Records(this.store, null, area.id(), clock, List.of());
        return ActionContexts.staff(options, ActionContexts.Declared.of(area.id(), descriptor.requiredSources(), sinks, sources),
                actor, school, clock.instant(), zone, store, parameters);
    }

    private static boolean allowed(StaffActor actor, SchoolId school, StaffActor.Role role) {
        return actor.serves(school) && (role == null || actor.has(role) || actor.has(StaffActor.Role.ADMIN));
    }

    private void require(StaffActor actor, SchoolId school, StaffActor.Role role, String what) {
        if (allowed(actor, school, role)) {
            return;
        }
        if (role == StaffActor.Role.INVITE) {
            access.requireAdminOrInvite(actor, school, what);
        }
        access.requireAdmin(actor, school, what);
    }

    private Optional<School> school(SchoolId school) {
        return sources.get(SchoolSource.class).schools(List.of(school)).stream().findFirst();
    }
}
