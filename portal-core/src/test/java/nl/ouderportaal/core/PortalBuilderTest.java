package nl.ouderportaal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.ouderportaal.core.guice.PortalGuiceModule;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.testing.InMemoryHost;
import nl.ouderportaal.modules.absences.AbsenceSource;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;
import nl.ouderportaal.spi.module.ContentModule;
import nl.ouderportaal.spi.module.ModuleDescriptor;
import nl.ouderportaal.spi.module.NoOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building a portal")
class PortalBuilderTest {

    private final InMemoryHost host = new InMemoryHost();
    private final PortalStore store = PortalStore.h2InMemory("builder-" + System.nanoTime());

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** A second module that claims the absences id. */
    static final class Impostor implements ContentModule<NoOptions> {
        @Override
        public ModuleDescriptor<NoOptions> descriptor() {
            return ModuleDescriptor.builder("absences", NoOptions.class, NoOptions.INSTANCE).name("Nep", "Fake").build();
        }
    }

    @Test
    void installsModulesExplicitlyInTheGivenOrder() {
        Portal portal = host.register(Portal.builder()).store(store).accounts(ACCOUNTS).install(new AbsencesModule()).build();

        assertThat(portal.installedModules()).extracting(ModuleDescriptor::id).containsExactly("absences");
    }

    @Test
    void discoversModulesOnlyWhenAsked() {
        Portal without = host.register(Portal.builder()).store(store).accounts(ACCOUNTS).build();
        Portal with = host.registerAll(Portal.builder()).store(store).accounts(ACCOUNTS).discoverModules().build();

        assertThat(without.installedModules()).isEmpty();
        assertThat(with.installedModules()).extracting(ModuleDescriptor::id).containsExactlyInAnyOrder("absences", "groups",
                "staff", "medical", "method-tests", "national-tests", "notes", "plans", "reports", "consent", "conferences");
    }

    @Test
    void twoModulesWithOneIdFailNamingBoth() {
        Portal.Builder builder = host.register(Portal.builder()).store(store).accounts(ACCOUNTS).install(new AbsencesModule(), new Impostor());

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("'absences'")
                .hasMessageContaining(AbsencesModule.class.getName())
                .hasMessageContaining(Impostor.class.getName());
    }

    @Test
    void discoveringAnExplicitlyInstalledModuleIsADuplicate() {
        Portal.Builder builder = host.registerAll(Portal.builder()).store(store).accounts(ACCOUNTS).install(new AbsencesModule()).discoverModules();

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class).hasMessageContaining("'absences'");
    }

    @Test
    void aMissingModuleSourceFailsNamingTheModuleAndTheSource() {
        Portal.Builder builder = coreSourcesOnly().install(new AbsencesModule());

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("Content module 'absences'")
                .hasMessageContaining(AbsenceSource.class.getName());
    }

    @Test
    void aMissingCoreSourceFailsNamingTheSource() {
        Portal.Builder builder = Portal.builder().store(store).accounts(ACCOUNTS)
                .source(SchoolSource.class, host).source(StudentSource.class, host)
                .source(GroupSource.class, host).source(ActivitySource.class, host);

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("portal core")
                .hasMessageContaining(GuardianSource.class.getName());
    }

    @Test
    void aSourceMustBeRegisteredByItsInterface() {
        assertThatThrownBy(() -> Portal.builder().source(InMemoryHost.class, host))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interface");
    }

    @Test
    void guiceBuildsThePortalFromMultiboundModulesAndBoundSources() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
        var injector = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
            @Override
            protected void configure() {
                PortalGuiceModule.contentModules(binder()).addBinding().toInstance(new AbsencesModule());
                PortalGuiceModule.clock(binder()).setBinding().toInstance(clock);
                PortalGuiceModule.accountSettings(binder()).setBinding().toInstance(ACCOUNTS);
                bind(PortalStore.class).toInstance(store);
                install(coreSourceBindings());
                bind(AbsenceSource.class).toInstance(host);
                bind(nl.ouderportaal.modules.absences.AbsenceReportSink.class).toInstance(host);
            }
        });

        Portal portal = injector.getInstance(Portal.class);

        assertThat(portal.installedModules()).extracting(ModuleDescriptor::id).containsExactly("absences");
        assertThat(portal.clock()).isSameAs(clock);
        assertThat(injector.getInstance(Portal.class)).isSameAs(portal);
        assertThat(portal.mailDispatcher()).as("no transport bound: mails wait in the outbox").isEmpty();
    }

    @Test
    void guiceTakesTheAccountSettingsAndMailTransportTheHostBinds() {
        var injector = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(PortalStore.class).toInstance(store);
                install(coreSourceBindings());
                PortalGuiceModule.accountSettings(binder()).setBinding().toInstance(
                        nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("https://ouders.school.nl/")));
                PortalGuiceModule.mailTransport(binder()).setBinding().toInstance(() -> {
                    throw new nl.ouderportaal.core.mail.MailTransport.MailException("offline", null, true);
                });
            }
        });

        assertThat(injector.getInstance(Portal.class).mailDispatcher()).isPresent();
    }

    @Test
    void guiceFailsNamingTheModuleWhoseSourceIsNotBound() {
        var injector = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
            @Override
            protected void configure() {
                PortalGuiceModule.contentModules(binder()).addBinding().toInstance(new AbsencesModule());
                PortalGuiceModule.accountSettings(binder()).setBinding().toInstance(ACCOUNTS);
                bind(PortalStore.class).toInstance(store);
                install(coreSourceBindings());
            }
        });

        assertThatThrownBy(() -> injector.getInstance(Portal.class))
                .isInstanceOfAny(ProvisionException.class, CreationException.class)
                .hasMessageContaining("Content module 'absences'")
                .hasMessageContaining(AbsenceSource.class.getName());
    }

    @Test
    void withoutAStoreTheBuildFailsNamingTheFix() {
        Portal.Builder builder = host.register(Portal.builder()).accounts(ACCOUNTS);

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("needs a store").hasMessageContaining(".store(PortalStore.h2File(");
        assertThat(java.nio.file.Path.of("data", "portal.mv.db")).as("no database in the working directory").doesNotExist();
    }

    @Test
    void withoutAccountSettingsTheBuildFailsNamingTheFixInsteadOfMailingLinksToLocalhost() {
        Portal.Builder builder = host.register(Portal.builder()).store(store);

        assertThatThrownBy(builder::build).isInstanceOf(PortalConfigurationException.class)
                .hasMessageContaining("public address")
                .hasMessageContaining(".accounts(AccountSettings.defaults(URI.create(")
                .hasMessageContaining("PortalGuiceModule.accountSettings");
    }

    @Test
    void withoutGuiceAccountSettingsTheInjectorFailsWithTheSameMessage() {
        var injector = Guice.createInjector(new PortalGuiceModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(PortalStore.class).toInstance(store);
                install(coreSourceBindings());
            }
        });

        assertThatThrownBy(() -> injector.getInstance(Portal.class)).hasMessageContaining("PortalGuiceModule.accountSettings");
    }

    @Test
    void withoutMailTheBuildWarnsThatTheOutboxIsNotSent() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Portal.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> warnings =
                new ch.qos.logback.core.read.ListAppender<>();
        warnings.start();
        log.addAppender(warnings);
        try {
            Portal portal = host.register(Portal.builder()).store(store).accounts(ACCOUNTS).build();

            assertThat(portal.mailDispatcher()).isEmpty();
            assertThat(warnings.list).extracting(e -> e.getFormattedMessage())
                    .anySatisfy(m -> assertThat(m).contains("No mail configured").contains("outbox unsent"));
        } finally {
            log.detachAppender(warnings);
        }
    }

    private static final nl.ouderportaal.core.account.AccountSettings ACCOUNTS =
            nl.ouderportaal.core.account.AccountSettings.defaults(java.net.URI.create("https://ouders.school.nl/"));

    private AbstractModule coreSourceBindings() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(SchoolSource.class).toInstance(host);
                bind(StudentSource.class).toInstance(host);
                bind(GuardianSource.class).toInstance(host);
                bind(GroupSource.class).toInstance(host);
                bind(ActivitySource.class).toInstance(host);
            }
        };
    }

    private Portal.Builder coreSourcesOnly() {
        return Portal.builder().store(store).accounts(ACCOUNTS)
                .source(SchoolSource.class, host).source(StudentSource.class, host).source(GuardianSource.class, host)
                .source(GroupSource.class, host).source(ActivitySource.class, host);
    }
}
