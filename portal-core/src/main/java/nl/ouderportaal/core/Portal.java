package nl.ouderportaal.core;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.net.URI;
import nl.ouderportaal.core.internal.AccountRepository;
import nl.ouderportaal.core.account.AccountEmails;
import nl.ouderportaal.core.account.AccountServices;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.account.Accounts;
import nl.ouderportaal.core.account.Authentication;
import nl.ouderportaal.core.account.Impersonations;
import nl.ouderportaal.core.account.Invitations;
import nl.ouderportaal.core.account.StaffSessions;
import nl.ouderportaal.core.mail.MailDispatcher;
import nl.ouderportaal.core.mail.MailOutbox;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.mail.SmtpMailTransport;
import nl.ouderportaal.core.mail.SmtpSettings;
import nl.ouderportaal.core.admin.AccountOverview;
import nl.ouderportaal.core.admin.SchoolAdministration;
import nl.ouderportaal.core.admin.StaffAccess;
import nl.ouderportaal.core.store.Housekeeping;
import nl.ouderportaal.core.admin.ViewingRights;
import nl.ouderportaal.core.audit.AuditLog;
import nl.ouderportaal.core.changes.ChangeRequests;
import nl.ouderportaal.core.changes.CorrectionActions;
import nl.ouderportaal.core.action.GuardianActions;
import nl.ouderportaal.core.action.StaffActions;
import nl.ouderportaal.core.internal.ActionCatalog;
import nl.ouderportaal.core.internal.ActionInputs;
import nl.ouderportaal.core.internal.RateLimits;
import nl.ouderportaal.core.news.News;
import nl.ouderportaal.core.guardian.DataExports;
import nl.ouderportaal.core.notify.EmailDigestChannel;
import nl.ouderportaal.core.notify.Notifications;
import nl.ouderportaal.spi.notify.NotificationChannel;
import nl.ouderportaal.core.guardian.GuardianPortal;
import nl.ouderportaal.core.internal.GuardianSnapshots;
import nl.ouderportaal.core.internal.InstalledModules;
import nl.ouderportaal.core.internal.ModuleOptionsCodec;
import nl.ouderportaal.core.internal.PortalMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import nl.ouderportaal.core.settings.SchoolConfiguration;
import nl.ouderportaal.core.internal.SettingsRepository;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.CommandValidator;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent portal a host embeds. Build it once at start-up and share it: it is thread-safe.
 *
 * <pre>{@code
 * Portal portal = Portal.builder()
 *     .store(PortalStore.h2File(Path.of("data/portal")))
 *     .source(SchoolSource.class, schools)
 *     .source(StudentSource.class, students)
 *     .source(GuardianSource.class, guardians)
 *     .source(GroupSource.class, groups)
 *     .source(ActivitySource.class, activities)
 *     .source(AbsenceSource.class, absences)
 *     .install(new AbsencesModule())
 *     .accounts(AccountSettings.defaults(URI.create("https://ouders.school.nl/")))
 *     .mail(smtpSettings)
 *     .build();
 * GuardianHome home = portal.guardians().home(Viewer.guardian(GuardianId.of("g-17")));
 * }</pre>
 *
 * <p>{@code store} and {@code accounts} are required; without {@code mail} the outbox is not sent (a
 * warning at build time says so).
 */
public final class Portal implements AutoCloseable {

    /** The host sources the core itself reads, whatever modules are installed. */
    public static final List<Class<?>> CORE_SOURCES = List.of(SchoolSource.class, StudentSource.class,
            GuardianSource.class, GroupSource.class, ActivitySource.class);

    private static final Logger LOG = LoggerFactory.getLogger(Portal.class);

    private final PortalStore store;
    private final InstalledModules modules;
    private final GuardianPortal guardians;
    private final SchoolConfiguration configuration;
    private final Accounts accounts;
    private final Invitations invitations;
    private final Authentication authentication;
    private final Impersonations impersonations;
    private final MailOutbox outbox;
    private final MailDispatcher mailDispatcher;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final StaffAccess staffAccess;
    private final SchoolAdministration administration;
    private final AccountOverview overview;
    private final ChangeRequests changeRequests;
    private final GuardianActions actions;
    private final StaffActions staffActions;
    private final GuardianSnapshots snapshots;
    private final DataExports dataExports;
    private final Notifications notifications;
    private final News news;
    private final ViewingRights viewingRights;
    private final StaffSessions staffSessions;
    private final AccountEmails accountEmails;
    private final Housekeeping housekeeping;
    private final AccountSettings accountSettings;
    private final PortalMetrics metrics;
    private final PortalHealth health;

    private Portal(Builder builder, InstalledModules modules, HostSources sources) {
        this.store = builder.store;
        this.modules = modules;
        this.clock = builder.clock;
        this.zone = builder.zone;
        this.accountSettings = builder.accountSettings;
        this.metrics = new PortalMetrics(builder.meterRegistry);
        ModuleOptionsCodec codec = new ModuleOptionsCodec();
        CommandValidator validator = new CommandValidator();
        SettingsRepository settings = new SettingsRepository(store);
        AccountRepository accountRepository = new AccountRepository(store);
        this.audit = new AuditLog(store, clock, builder.auditRetention);
        this.housekeeping = new Housekeeping(store, audit, clock, builder.housekeepingKeep);
        this.outbox = new MailOutbox(store);
        this.configuration = new SchoolConfiguration(store, settings, modules, codec, validator, audit, clock);
        this.staffAccess = new StaffAccess(store, audit, clock);
        this.news = new News(store, staffAccess, validator, audit, clock, sources, builder.zone);
        this.administration = new SchoolAdministration(configuration, staffAccess, audit, sources);
        this.snapshots = new GuardianSnapshots(sources, modules, settings, accountRepository, codec, audit, store,
                clock, builder.zone);
        this.guardians = new GuardianPortal(sources, modules, settings, accountRepository, codec, news, audit, store, clock,
                builder.zone, snapshots);

        AccountServices services = AccountServices.create(store, sources, builder.accountSettings, outbox, validator,
                audit, clock, builder.zone, metrics);
        this.accounts = services.accounts();
        this.invitations = services.invitations();
        this.authentication = services.authentication();
        this.impersonations = services.impersonations();
        this.staffSessions = services.staffSessions();
        this.accountEmails = services.emails();
        this.viewingRights = new ViewingRights(store, sources, staffAccess, audit, clock);
        this.changeRequests = new ChangeRequests(store, sources, settings, outbox, audit, clock, builder.zone);
        ActionCatalog catalog = new ActionCatalog(modules.all(), CorrectionActions.areas(changeRequests, guardians),
                builder.withoutActions, sources.registered());
        this.actions = new GuardianActions(snapshots, catalog, sources, accountRepository, new ActionInputs(validator),
                new RateLimits(store), outbox, audit, store, clock, builder.zone, builder.maxActions, builder.actionWindow, metrics);
        this.staffActions = new StaffActions(catalog, snapshots, sources, accountRepository, staffAccess,
                new ActionInputs(validator), outbox, audit, store, clock, builder.zone);
        List<NotificationChannel> channels = new ArrayList<>(builder.channels);
        channels.add(0, new EmailDigestChannel(store, outbox, clock, builder.accountSettings.portalUrl().toString()));
        this.notifications = new Notifications(store, sources, snapshots, authentication, accountRepository, channels,
                audit, clock);
        this.dataExports = new DataExports(guardians, authentication, audit, store, clock);
        this.overview = new AccountOverview(store, sources, accountRepository, outbox, audit, staffAccess, clock,
                builder.zone);
        this.mailDispatcher = builder.mailTransport == null ? null
                : new MailDispatcher(outbox, builder.mailTransport, clock, metrics, builder.mailConnections);
        metrics.bindStore(store, clock, builder.accountSettings.idleTimeout());
        this.health = new PortalHealth(store, java.util.Optional.ofNullable(mailDispatcher), clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What guardians (and administrators impersonating them) see. */
    public GuardianPortal guardians() {
        return guardians;
    }

    /**
     * Beheer &gt; Ouderportaal for staff users: settings, image and modules, checked against the staff
     * user's role and schools.
     */
    public SchoolAdministration administration() {
        return administration;
    }

    /**
     * Schools' settings and modules without staff checks, for the host's own set-up code (imports,
     * migrations); staff actions go through {@link #administration()}.
     */
    public SchoolConfiguration configuration() {
        return configuration;
    }

    public Accounts accounts() {
        return accounts;
    }

    /**
     * What guardians do (R-ACT): every module's actions, the corrections of the About page and the profile
     * (R-CHG, {@code about/correct} and {@code profile/correct}) and replies to notes ({@code notes/reply}).
     */
    public GuardianActions actions() {
        return actions;
    }

    /** Modules' staff views (class lists, schedules) and staff actions (set-up) for a school (R-ACT-7). */
    public StaffActions staffActions() {
        return staffActions;
    }

    /** For the core's own tests (same package): the facts behind every guardian-facing answer. */
    GuardianSnapshots snapshots() {
        return snapshots;
    }

    /** Notifications of new items to guardians who want them (R-NTF-1). */
    public Notifications notifications() {
        return notifications;
    }

    /** A guardian's download of all their data (R-BEYOND-6). */
    public DataExports dataExports() {
        return dataExports;
    }


    /** Verzorger accountbeheer: the account overview and its Excel export (staff). */
    public AccountOverview accountOverview() {
        return overview;
    }

    /** News messages (administrators write, guardians read through {@link #guardians()}). */
    public News news() {
        return news;
    }

    /**
     * Inzage ouderportaal: staff turn a guardian's viewing right per child on or off, where the host
     * registered a {@link nl.ouderportaal.spi.host.ViewingRightSink} (R-ACC-5).
     */
    public ViewingRights viewingRights() {
        return viewingRights;
    }

    /** Correcting guardians' account email addresses (R-ACC-13). */
    public AccountEmails accountEmails() {
        return accountEmails;
    }

    /**
     * Server-side sessions for staff users of a web administration (the host authenticates them), shared
     * by every node like guardian sessions.
     */
    public StaffSessions staffSessions() {
        return staffSessions;
    }

    /** Sending login details to guardians (staff). */
    public Invitations invitations() {
        return invitations;
    }

    /** Login, logout, sessions, password links and recovery (guardians). */
    public Authentication authentication() {
        return authentication;
    }

    /** Log in as guardian (administrators; read-only by construction). */
    public Impersonations impersonations() {
        return impersonations;
    }

    /** The mail outbox: every mail the portal sends waits here until the SMTP server accepted it. */
    public MailOutbox outbox() {
        return outbox;
    }

    /**
     * The dispatcher that sends the outbox, if the host configured mail ({@link Builder#mail}); start it
     * with {@link MailDispatcher#start(java.time.Duration)} on every node.
     */
    public java.util.Optional<MailDispatcher> mailDispatcher() {
        return java.util.Optional.ofNullable(mailDispatcher);
    }

    public AuditLog audit() {
        return audit;
    }

    /**
     * Purges dead links, ended sessions, idle login throttles, old rate-limit windows and expired audit
     * events; run {@link Housekeeping#run()} daily on any node.
     */
    public Housekeeping housekeeping() {
        return housekeeping;
    }

    /** The installed content modules, in installation order. */
    /**
     * The label an installed module gives one of its options (see {@code ContentModule.optionLabel}); empty
     * for an unknown module or an option it does not name.
     */
    public java.util.Optional<nl.ouderportaal.spi.LocalizedText> optionLabel(String moduleId, String option) {
        return modules.find(moduleId).flatMap(module -> module.optionLabel(option));
    }

    public List<ModuleDescriptor<?>> installedModules() {
        return modules.descriptors();
    }

    /** The account behaviour this portal was built with, above all its public address. */
    public AccountSettings accountSettings() {
        return accountSettings;
    }

    public Clock clock() {
        return clock;
    }

    /** The zone schools' dates and times are in (Europe/Amsterdam unless the builder set another). */
    public ZoneId zone() {
        return zone;
    }


    /** Liveness and readiness of this node: store, migrations, mail dispatcher, the oldest waiting mail. */
    public PortalHealth health() {
        return health;
    }

    /**
     * The Micrometer registry the portal records its meters in: the host's ({@link Builder#metrics}), or
     * an empty composite registry that records nothing. portal-web times its requests here.
     */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /** Stops the mail dispatcher; the store is the host's to close, after the portal. */
    @Override
    public void close() {
        if (mailDispatcher != null) {
            mailDispatcher.close();
        }
    }

    /** Builds a {@link Portal}. Not thread-safe; use once. */
    public static final class Builder {
        private final HostSources.Builder sources = new HostSources.Builder();
        private final List<ContentModule<?>> installed = new ArrayList<>();
        private boolean discover;
        private PortalStore store;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.of("Europe/Amsterdam");
        private AccountSettings accountSettings;
        private MailTransport mailTransport;
        private int mailConnections = 1;
        private java.time.Duration auditRetention = AuditLog.DEFAULT_RETENTION;
        private java.time.Duration housekeepingKeep = Housekeeping.DEFAULT_KEEP;
        private final List<NotificationChannel> channels = new ArrayList<>();
        private final java.util.Set<String> withoutActions = new java.util.HashSet<>();
        private int maxActions = 30;
        private java.time.Duration actionWindow = java.time.Duration.ofHours(1);
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /**
         * The host's Micrometer registry for the portal's meters: logins by outcome, active sessions, the
         * outbox (pending, oldest, sent, retried, failed), actions per module and, with portal-web, request
         * timings per route. Without it nothing is recorded.
         */
        public Builder metrics(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Account behaviour, above all the portal's public address from which every link in a mail is
         * built, such as {@code AccountSettings.defaults(URI.create("https://ouders.school.nl/"))}. Required:
         * a default would send guardians links to a machine that is not the portal.
         */
        public Builder accounts(AccountSettings settings) {
            this.accountSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Adds a notification channel (push, app, webhook) beside the built-in email digest. */
        public Builder notificationChannel(NotificationChannel channel) {
            channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        /**
         * How long {@link Housekeeping} keeps dead links and ended sessions. Default 30 days.
         */
        public Builder housekeepingKeep(java.time.Duration keep) {
            if (keep.isNegative()) {
                throw new IllegalArgumentException("The housekeeping period cannot be negative");
            }
            this.housekeepingKeep = keep;
            return this;
        }

        /** How long audit events are kept; {@link AuditLog#purgeExpired()} deletes older ones. Default 730 days. */

        public Builder auditRetention(java.time.Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("The audit retention must be positive");
            }
            this.auditRetention = retention;
            return this;
        }

        /**
         * Sends the outbox over SMTP. Without mail configured, {@link Portal#mailDispatcher()} is empty and
         * every mail (invitations, password links) waits in the outbox unsent; {@link #build()} warns so.
         */
        public Builder mail(SmtpSettings smtp) {
            return mail(new SmtpMailTransport(smtp));
        }

        /**
         * Sends the outbox with the given transport: your own mail service, or in tests a transport that
         * keeps the mails ({@code CapturedMail} of portal-testing). {@link Portal#mailDispatcher()} then
         * sends the outbox, every few seconds once {@link MailDispatcher#start started}, or at once with
         * {@link MailDispatcher#drainOnce()}.
         */
        public Builder mail(MailTransport transport) {
            this.mailTransport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * How many SMTP connections the dispatcher opens at once, 1 (the default) to
         * {@value MailDispatcher#MAX_CONNECTIONS}: more send a bulk invitation faster, as far as the relay allows
         * (many allow a few per client; its limit is yours to set). Each mail is still sent once.
         *
         * @throws IllegalArgumentException outside 1 to {@value MailDispatcher#MAX_CONNECTIONS}
         */
        public Builder mailConnections(int connections) {
            this.mailConnections = MailDispatcher.checkedConnections(connections);
            return this;
        }

        /**
         * The portal's store, required: {@code PortalStore.h2File(Path.of("/var/lib/portal/portal"))} for one
         * node, {@code PortalStore.jdbc(...)} or {@code PortalStore.of(dataSource)} for PostgreSQL. The host
         * closes it after the portal.
         */
        public Builder store(PortalStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock for every "now" and "today" (tests move it). Defaults to the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The schools' time zone, for "today". Defaults to Europe/Amsterdam. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Registers the host's implementation of a source interface. */
        public <S> Builder source(Class<S> type, S implementation) {
            sources.put(type, implementation);
            return this;
        }

        /** Installs content modules explicitly, in menu order. */
        public Builder install(ContentModule<?>... modules) {
            for (ContentModule<?> module : modules) {
                installed.add(Objects.requireNonNull(module, "module"));
            }
            return this;
        }

        /**
         * Leaves one action of an installed module out, for a host that does not supply the sink it needs
         * (the notes module's {@code reply} without a {@code NoteReplySink}): the action is not offered, and
         * building the portal does not ask for the sink.
         */
        public Builder withoutAction(String moduleId, String actionId) {
            withoutActions.add(Objects.requireNonNull(moduleId, "moduleId") + "/" + Objects.requireNonNull(actionId, "actionId"));
            return this;
        }

        /**
         * How many actions one guardian may run per window (R-ACT-2), across modules: each may mail the
         * school. 30 per hour unless set.
         */
        public Builder actionRateLimit(int max, java.time.Duration window) {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("An action rate limit allows at least one action in a positive window");
            }
            this.maxActions = max;
            this.actionWindow = window;
            return this;
        }

        /**
         * Also installs every content module found by {@link ServiceLoader} on the class path, after the
         * explicitly installed ones. Off unless asked: hosts decide what runs.
         */
        public Builder discoverModules() {
            this.discover = true;
            return this;
        }

        /**
         * Checks the configuration, migrates the store and returns the portal.
         *
         * @throws PortalConfigurationException naming the module and source when a required source is missing,
         *     or the module ids when two modules share one
         */
        public Portal build() {
            List<ContentModule<?>> all = new ArrayList<>(installed);
            if (discover) {
                for (ContentModule<?> found : ServiceLoader.load(ContentModule.class)) {
                    all.add(found);
                }
            }
            InstalledModules modules = new InstalledModules(all);
            HostSources hostSources = sources.build();
            for (Class<?> core : CORE_SOURCES) {
                if (hostSources.find(core).isEmpty()) {
                    throw new PortalConfigurationException("The portal core needs host source " + core.getName()
                            + ", which the host did not register. Register it with Portal.builder().source("
                            + core.getSimpleName() + ".class, ...).");
                }
            }
            modules.requireSources(hostSources.registered());
            if (store == null) {
                throw new PortalConfigurationException("The portal needs a store: add .store(PortalStore.h2File("
                        + "Path.of(\"/var/lib/portal/portal\"))) for one node, or .store(PortalStore.jdbc(url, user, password, "
                        + "poolSize)) for PostgreSQL (with Guice: bind PortalStore).");
            }
            if (accountSettings == null) {
                throw new PortalConfigurationException("The portal needs its public address, from which the links in its "
                        + "mails are built: add .accounts(AccountSettings.defaults(URI.create(\"https://ouders.school.nl/\"))) "
                        + "(with Guice: PortalGuiceModule.accountSettings(binder()).setBinding().toInstance(...)).");
            }
            if (mailTransport == null) {
                LOG.warn("No mail configured (Portal.builder().mail(...)): mailDispatcher() is empty and invitations and "
                        + "password links wait in the outbox unsent");
            }
            try {
                store.migrate();
            } catch (RuntimeException e) {
                throw new PortalConfigurationException("The portal store could not be migrated: " + e.getMessage(), e);
            }
            LOG.info("Portal started with content modules {}",
                    modules.descriptors().stream().map(ModuleDescriptor::id).toList());
            return new Portal(this, modules, hostSources);
        }
    }
}
