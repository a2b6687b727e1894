package nl.ouderportaal.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.mail.MailTransport;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.spi.module.ContentModule;

/**
 * Guice wiring for hosts that use Guice; hosts that don't use {@link Portal#builder()}. Binds
 * {@link Portal} as a singleton built from:
 * <ul>
 *   <li>the content modules in the {@link #contentModules(com.google.inject.Binder)} multibinder;</li>
 *   <li>the host's bindings of the source interfaces the core and those modules need (a missing one fails
 *       at injector creation, naming the module and the source), of the sinks their actions declare, and of
 *       the core's optional host interfaces ({@code ViewingRightSink}, {@code ChangeRequestListener}): whatever
 *       is bound is used, never silently ignored;</li>
 *   <li>optional bindings of everything else the builder accepts: {@link #zone}, {@link #notificationChannels},
 *       {@link #retention} and {@link #actions} (the action rate limit and the actions left out);</li>
 *   <li>a {@link PortalStore} binding (required), an optional {@link Clock} (system UTC by default), optional
 *       {@link AccountSettings} (set them: links in mails are built from their portal address) and an optional
 *       {@link MailTransport} (without one, mails wait in the outbox).</li>
 * </ul>
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
 *     protected void configure() {
 *         PortalGuiceModule.contentModules(binder()).addBinding().to(AbsencesModule.class);
 *         bind(PortalStore.class).toInstance(PortalStore.h2File(Path.of("data/portal")));
 *         bind(StudentSource.class).to(SisStudentSource.class);
 *         // ... the other sources
 *     }
 * });
 * Portal portal = injector.getInstance(Portal.class);
 * }</pre>
 */
public final class PortalGuiceModule extends AbstractModule {

    /** The multibinder of content modules, for hosts and integrators to add theirs. */
    public static Multibinder<ContentModule<?>> contentModules(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, new com.google.inject.TypeLiteral<ContentModule<?>>() { });
    }

    /** The optional binder of the portal's clock, for hosts and tests to set theirs. */
    public static OptionalBinder<Clock> clock(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Clock.class);
    }

    /** The optional binder of the account settings (the portal's public address for links in mails). */
    public static OptionalBinder<AccountSettings> accountSettings(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, AccountSettings.class);
    }

    /** The optional binder of the mail transport; without one, mails wait in the outbox. */
    public static OptionalBinder<MailTransport> mailTransport(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, MailTransport.class);
    }

    /** The optional binder of how many SMTP connections the dispatcher opens at once (one by default). */
    public static OptionalBinder<MailConnections> mailConnections(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, MailConnections.class);
    }

    /**
     * What {@code Portal.Builder.mailConnections} sets.
     *
     * @param connections SMTP connections at once, 1 to {@value nl.ouderportaal.core.mail.MailDispatcher#MAX_CONNECTIONS}
     */
    public record MailConnections(int connections) {
    }

    /** The optional binder of the zone schools' dates and times are in (Europe/Amsterdam by default). */
    public static OptionalBinder<java.time.ZoneId> zone(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, java.time.ZoneId.class);
    }

    /** The multibinder of notification channels beside the e-mail digest (a push service, say). */
    public static Multibinder<nl.ouderportaal.spi.notify.NotificationChannel> notificationChannels(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, nl.ouderportaal.spi.notify.NotificationChannel.class);
    }

    /** The optional binder of how long the audit log and housekeeping keep what they keep. */
    public static OptionalBinder<Retention> retention(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Retention.class);
    }

    /** The optional binder of the guardians' action limit and the actions the host leaves out. */
    public static OptionalBinder<Actions> actions(com.google.inject.Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Actions.class);
    }

    /**
     * What {@code Portal.Builder.auditRetention} and {@code housekeepingKeep} set.
     *
     * @param audit how long audit events are kept
     * @param housekeeping how long ended sessions, used links and idle throttles are kept
     */
    public record Retention(java.time.Duration audit, java.time.Duration housekeeping) {
    }

    /**
     * What {@code Portal.Builder.actionRateLimit} and {@code withoutAction} set.
     *
     * @param max actions per guardian per window
     * @param window the window
     * @param without {@code moduleId/actionId} of actions the host leaves out
     */
    public record Actions(int max, java.time.Duration window, Set<String> without) {
        public Actions {
            without = Set.copyOf(without);
        }
    }

    @Override
    protected void configure() {
        contentModules(binder());
        clock(binder()).setDefault().toInstance(Clock.systemUTC());
        accountSettings(binder());
        mailTransport(binder());
        mailConnections(binder());
        zone(binder());
        notificationChannels(binder());
        retention(binder());
        actions(binder());
    }

    /** The host interfaces the core uses when the host supplies them: bound, they are used, never ignored. */
    private static final java.util.List<Class<?>> OPTIONAL_CORE_SINKS = java.util.List.of(
            nl.ouderportaal.spi.host.ViewingRightSink.class, nl.ouderportaal.spi.host.ChangeRequestListener.class);

    @Provides
    @Singleton
    Portal portal(Injector injector, Set<ContentModule<?>> modules, Clock clock, PortalStore store,
                  java.util.Optional<AccountSettings> accountSettings, java.util.Optional<MailTransport> mailTransport,
                  java.util.Optional<MailConnections> mailConnections,
                  java.util.Optional<java.time.ZoneId> zone, Set<nl.ouderportaal.spi.notify.NotificationChannel> channels,
                  java.util.Optional<Retention> retention, java.util.Optional<Actions> actions) {
        Portal.Builder builder = Portal.builder().clock(clock).store(store);
        accountSettings.ifPresent(builder::accounts);
        mailTransport.ifPresent(builder::mail);
        mailConnections.ifPresent(c -> builder.mailConnections(c.connections()));
        zone.ifPresent(builder::zone);
        channels.forEach(builder::notificationChannel);
        retention.ifPresent(r -> builder.auditRetention(r.audit()).housekeepingKeep(r.housekeeping()));
        actions.ifPresent(a -> {
            builder.actionRateLimit(a.max(), a.window());
            a.without().forEach(qualified -> {
                String[] parts = qualified.split("/", 2);
                builder.withoutAction(parts[0], parts.length > 1 ? parts[1] : "");
            });
        });
        Set<Class<?>> needed = new LinkedHashSet<>(Portal.CORE_SOURCES);
        needed.addAll(OPTIONAL_CORE_SINKS);
        for (ContentModule<?> module : modules) {
            builder.install(module);
            needed.addAll(module.descriptor().requiredSources());
            // The sinks of its actions too, so that a bound one reaches the portal (and a missing one is named by build()).
            module.actions().forEach(action -> needed.addAll(action.requiredSinks()));
            module.staffActions().forEach(action -> needed.addAll(action.requiredSinks()));
        }
        for (Class<?> source : needed) {
            register(builder, injector, source);
        }
        return builder.build();
    }

    private static <S> void register(Portal.Builder builder, Injector injector, Class<S> source) {
        Binding<S> binding = injector.getExistingBinding(Key.get(source));
        if (binding != null) {
            builder.source(source, binding.getProvider().get());
        }
        // A missing binding is reported by build(), with the module that needs it.
    }
}
