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
 *       at injector creation, naming the module and the source);</li>
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

    @Override
    protected void configure() {
        contentModules(binder());
        clock(binder()).setDefault().toInstance(Clock.systemUTC());
        accountSettings(binder());
        mailTransport(binder());
    }

    @Provides
    @Singleton
    Portal portal(Injector injector, Set<ContentModule<?>> modules, Clock clock, PortalStore store,
                  java.util.Optional<AccountSettings> accountSettings, java.util.Optional<MailTransport> mailTransport) {
        Portal.Builder builder = Portal.builder().clock(clock).store(store);
        accountSettings.ifPresent(builder::accounts);
        mailTransport.ifPresent(builder::mail);
        Set<Class<?>> needed = new LinkedHashSet<>(Portal.CORE_SOURCES);
        for (ContentModule<?> module : modules) {
            builder.install(module);
            needed.addAll(module.descriptor().requiredSources());
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
