package nl.ouderportaal.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 19: the account flows under a security review and a black-box run. */
@DisplayName("Hardened account flows (issue 19)")
class AccountHardeningTest {

    private static final String PASSWORD = "een lang wachtwoord voor het portaal";
    /** About a second a hash here: long enough to see whether something waits for it. */
    private static final PasswordHasher.Parameters SLOW = new PasswordHasher.Parameters(19 * 1024, 30, 1);

    private static PortalStore h2() {
        return PortalStore.h2InMemory("hardening-" + System.nanoTime());
    }

    @Test
    @DisplayName("4. beyond as many hashes at once as allowed, a hash waits briefly and is then refused as too busy")
    void hashesAreBoundedInNumber() throws Exception {
        PasswordHasher hasher = new PasswordHasher(SLOW, 1, Duration.ofMillis(50));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> hasher.hash("eerste".toCharArray()));
            Thread.sleep(100);

            assertThatThrownBy(() -> hasher.hash("tweede".toCharArray())).isInstanceOfSatisfying(TooBusyException.class,
                    busy -> assertThat(busy.retryAfter()).isPositive());
            assertThat(first.get(30, TimeUnit.SECONDS)).startsWith("$argon2id$");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("4. a password link that does not work is refused without spending a hash")
    void aBadLinkCostsNoHash() {
        try (AccountsFixture f = new AccountsFixture(h2(), s -> s.withHashing(SLOW))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation("onbekend-token-1234567890", PASSWORD))
                    .isInstanceOfSatisfying(PortalValidationException.class,
                            e -> assertThat(e.violations()).allSatisfy(v -> assertThat(v.field()).isEqualTo("token")));
            assertThatThrownBy(() -> f.portal.authentication().resetPassword("onbekend-token-1234567890", PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            //BEFORE-START
            assertThatThrownBy(() -> f.portal.authentication().setPasswordFromLink("onbekend-token-1234567890", PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            //BEFORE-END
            long millis = (System.nanoTime() - start) / 1_000_000;

            // One slow hash takes about a second here: three refusals without a hash take a fraction of it.
            assertThat(millis).isLessThan(500);
        }
    }

    @Test
    @DisplayName("4. a login's hash runs outside any transaction: the address's throttle row is not locked meanwhile")
    void aLoginHashesOutsideTheTransaction() throws Exception {
        try (AccountsFixture f = new AccountsFixture(h2(), s -> s.withHashing(SLOW))) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<LoginResult> login = pool.submit(() -> f.portal.authentication().login("anna@example.org", PASSWORD));
                Thread.sleep(300);

                long start = System.nanoTime();
                int updated = f.store.jdbi().withHandle(h -> {
                    h.execute("set lock_timeout 5000");
                    return h.createUpdate("update login_throttle set updated_at = updated_at where email_normalized = :e")
                            .bind("e", "g:anna@example.org").execute();
                });
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertThat(updated).isEqualTo(1);
                assertThat(millis).isLessThan(300);
                assertThat(login.get(30, TimeUnit.SECONDS)).isInstanceOf(LoginResult.Success.class);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("9. parallel first logins for a new address are all refused alike, none fails")
    void parallelFirstLoginsForANewAddressDoNotFail() throws Exception {
        try (AccountsFixture f = new AccountsFixture(h2(), s -> s.withHashing(new PasswordHasher.Parameters(8, 1, 1)))) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                for (int round = 0; round < 15; round++) {
                    String address = "nieuw-" + round + "@example.org";
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<LoginResult>> logins = new ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        logins.add(pool.submit(() -> {
                            start.await();
                            return f.portal.authentication().login(address, "een gok van iemand");
                        }));
                    }
                    start.countDown();
                    for (Future<LoginResult> login : logins) {
                        assertThat(login.get(30, TimeUnit.SECONDS)).isInstanceOf(LoginResult.Refused.class);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
