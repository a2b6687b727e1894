package nl.ouderportaal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.AccountSettings;
import nl.ouderportaal.core.store.PortalStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a fresh {@link Portal} on an H2 file database in a temporary
 * folder, over an {@link InMemoryHost}, with a {@link CapturedMail} transport and a {@link MutableClock};
 * after the test it closes the portal and deletes the folder.
 *
 * <pre>{@code
 * class HomeworkTest {
 *     @RegisterExtension
 *     final PortalExtension portal = PortalExtension.create()
 *             .configure(builder -> builder.install(new HomeworkModule())
 *                     .source(HomeworkSource.class, (group, year) -> List.of()));
 *
 *     @Test
 *     void showsHomework() {
 *         School school = portal.host().addSchool("brin-01", "OBS De Regenboog");
 *         GuardianId anna = portal.host().addGuardian("g-1", "Anna", "Jansen").id();
 *         assertThat(portal.portal().guardians().home(Viewer.guardian(anna)).children()).isEmpty();
 *     }
 * }
 * }</pre>
 *
 * <p>Test methods and {@code @BeforeEach} methods may also take a {@code Portal}, {@code InMemoryHost},
 * {@code CapturedMail} or {@code MutableClock} parameter. Every host source and sink is registered
 * ({@link InMemoryHost#registerAll}); the mails' links start with {@link #PORTAL_URL}. Register it on an
 * instance field (one portal per test); the portal is built before each test's {@code @BeforeEach} methods.
 *
 * @since 0.2.0
 */
public final class PortalExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The public address of the test portal, from which the links in its mails are built. */
    public static final URI PORTAL_URL = URI.create("http://localhost:8080/");

    /** Where the clock stands when a test starts unless {@link #startingAt} says otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-10T08:00:00Z");

    private Instant start = DEFAULT_START;
    private Consumer<Portal.Builder> configuration = builder -> { };

    private Path folder;
    private InMemoryHost host;
    private CapturedMail mail;
    private MutableClock clock;
    private PortalStore store;
    private Portal portal;

    private PortalExtension() {
    }

    /**
     * An extension with no content module installed and the clock at {@link #DEFAULT_START}.
     *
     * @return the extension, to configure further
     */
    public static PortalExtension create() {
        return new PortalExtension();
    }

    /**
     * Adds to the portal's builder before it is built: modules to install, extra sources, a zone,
     * account settings. Called once per test; later calls add to earlier ones.
     *
     * @param configuration what to do with the builder
     * @return this extension
     */
    public PortalExtension configure(Consumer<Portal.Builder> configuration) {
        Objects.requireNonNull(configuration, "configuration");
        this.configuration = this.configuration.andThen(configuration);
        return this;
    }

    /**
     * Where the clock stands when each test starts.
     *
     * @param start the first "now"
     * @return this extension
     */
    public PortalExtension startingAt(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("portal-test-");
        host = new InMemoryHost();
        mail = new CapturedMail();
        clock = new MutableClock(start);
        store = PortalStore.h2File(folder.resolve("portal"));
        Portal.Builder builder = host.registerAll(Portal.builder())
                .store(store)
                .clock(clock)
                .accounts(AccountSettings.defaults(PORTAL_URL))
                .mail(mail);
        configuration.accept(builder);
        try {
            portal = builder.build();
        } catch (RuntimeException e) {
            store.close();
            deleteFolder();
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (portal != null) {
                portal.close();
            }
            if (store != null) {
                store.close();
            }
        } finally {
            portal = null;
            store = null;
            deleteFolder();
        }
    }

    private void deleteFolder() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the test portal's folder " + folder, e);
        } finally {
            folder = null;
        }
    }

    /**
     * The current test's portal.
     *
     * @return the portal
     * @throws IllegalStateException outside a test
     */
    public Portal portal() {
        return running(portal);
    }

    /**
     * The current test's host, to fill with schools, students and guardians.
     *
     * @return the host
     */
    public InMemoryHost host() {
        return running(host);
    }

    /**
     * The mails the current test's portal sent (after {@link #sendMail()}).
     *
     * @return the captured mail
     */
    public CapturedMail mail() {
        return running(mail);
    }

    /**
     * The current test's clock.
     *
     * @return the clock
     */
    public MutableClock clock() {
        return running(clock);
    }

    /**
     * The temporary folder of the current test's database.
     *
     * @return the folder, deleted after the test
     */
    public Path folder() {
        return running(folder);
    }

    /**
     * Sends what the outbox holds that is due now into {@link #mail()}, as the dispatcher would.
     *
     * @return how many mails were sent
     */
    public int sendMail() {
        return portal().mailDispatcher().orElseThrow().drainOnce();
    }

    /**
     * Logs a guardian with an active account in, as they would after "forgot password": the reset link is
     * mailed, followed, a password set and the login made. Returns the session token, for
     * {@code portal.authentication().writePermit(token)} and {@code Viewer.of(...)}.
     *
     * <pre>{@code
     * PortalExtension kit = PortalExtension.create();     // as a @RegisterExtension field
     * kit.portal().accounts().importActiveAccount(GuardianId.of("anna"), "anna@example.org", "test");
     * String session = kit.logIn("anna@example.org");
     * }</pre>
     */
    public String logIn(String email) {
        Portal portal = portal();
        portal.authentication().forgotPassword(email);
        sendMail();
        java.net.URI link = mail().lastTo(email).link("reset-password");
        String token = link.getQuery().replaceFirst("^.*token=([^&]+).*$", "$1");
        String password = "Test-wachtwoord-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        portal.authentication().resetPassword(token, password);
        if (portal.authentication().login(email, password) instanceof nl.ouderportaal.core.account.LoginResult.Success ok) {
            return ok.sessionToken();
        }
        throw new IllegalStateException("The guardian with " + email + " could not log in");
    }

    private <T> T running(T value) {
        if (value == null) {
            throw new IllegalStateException("The test portal exists only while a test runs"
                    + " (register PortalExtension on an instance field with @RegisterExtension)");
        }
        return value;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Portal.class || type == InMemoryHost.class || type == CapturedMail.class
                || type == MutableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Portal.class) {
            return portal();
        } else if (type == InMemoryHost.class) {
            return host();
        } else if (type == CapturedMail.class) {
            return mail();
        }
        return clock();
    }
}
