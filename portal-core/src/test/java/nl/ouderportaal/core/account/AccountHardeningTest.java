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
                int updated = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> {
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

    private static final nl.ouderportaal.spi.SchoolId KLIMOP = nl.ouderportaal.spi.SchoolId.of("klimop");
    private static final nl.ouderportaal.spi.StaffActor INVITER_A = new nl.ouderportaal.spi.StaffActor(
            nl.ouderportaal.spi.StaffId.of("m-9"), "Meester Bas", java.util.Set.of(nl.ouderportaal.spi.StaffActor.Role.INVITE),
            java.util.Set.of(AccountsFixture.SCHOOL));
    private static final nl.ouderportaal.spi.StaffActor ADMIN_B = new nl.ouderportaal.spi.StaffActor(
            nl.ouderportaal.spi.StaffId.of("m-11"), "Juf Klimop", java.util.Set.of(nl.ouderportaal.spi.StaffActor.Role.ADMIN),
            java.util.Set.of(KLIMOP));
    private static final nl.ouderportaal.spi.StaffActor BOARD = new nl.ouderportaal.spi.StaffActor(
            nl.ouderportaal.spi.StaffId.of("m-10"), "Bestuurder", java.util.Set.of(nl.ouderportaal.spi.StaffActor.Role.ADMIN),
            java.util.Set.of(AccountsFixture.SCHOOL, KLIMOP));

    @Test
    @DisplayName("2. staff cannot take over an active account: an address change waits for the new address, and no link is sent")
    void staffCannotTakeOverAnActiveAccount() {
        try (AccountsFixture f = new AccountsFixture(h2())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            String session = ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();

            f.portal.accountEmails().change(AccountsFixture.ADMIN, AccountsFixture.SCHOOL, anna, "juf@example.org");
            InvitationPreview invited = f.portal.invitations().inviteOne(AccountsFixture.ADMIN, AccountsFixture.SCHOOL, anna);
            f.deliver();

            assertThat(invited.recipients()).isEmpty();
            assertThat(invited.skipped()).containsEntry(anna, InvitationPreview.SkipReason.HAS_PASSWORD);
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            assertThat(f.portal.authentication().session(session)).as("her session stays").isPresent();
            assertThat(AccountsFixture.body(last(f, "juf@example.org"))).contains("confirm-email?token=")
                    .doesNotContain("activate?token=");
            assertThat(AccountsFixture.body(last(f, "anna@example.org"))).contains("De wijziging gaat pas in als het nieuwe adres");
            assertThat(f.auditActions(anna)).contains("account.email-change-requested").doesNotContain("account.email-changed");
        }
    }

    @Test
    @DisplayName("2. the new address confirms the change; the old address can undo it, which ends every session")
    void theNewAddressConfirmsAndTheOldCanUndo() {
        try (AccountsFixture f = new AccountsFixture(h2())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            f.portal.accountEmails().change(AccountsFixture.ADMIN, AccountsFixture.SCHOOL, anna, "anna@nieuw.example.org");
            f.deliver();

            f.portal.accountEmails().confirm(f.lastToken("anna@nieuw.example.org"));
            f.deliver();
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
            String session = ((LoginResult.Success) f.portal.authentication().login("anna@nieuw.example.org", PASSWORD)).sessionToken();
            // Whoever holds the new address sets a new password: the undo link still works.
            f.portal.authentication().forgotPassword("anna@nieuw.example.org");
            f.deliver();
            f.portal.authentication().resetPassword(f.lastToken("anna@nieuw.example.org"), "een ander lang wachtwoord");
            f.deliver();
            String undo = f.lastToken("anna@example.org");
            assertThat(AccountsFixture.body(last(f, "anna@example.org"))).contains("undo-email?token=");

            f.portal.accountEmails().undo(undo);

            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
            assertThat(f.portal.authentication().session(session)).isEmpty();
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", "een ander lang wachtwoord"))
                    .isInstanceOf(LoginResult.Refused.class);
            assertThatThrownBy(() -> f.portal.accountEmails().undo(undo)).isInstanceOf(PortalValidationException.class);
            assertThat(f.schoolAudit()).anyMatch(e -> e.action().equals("account.email-change-undone"));
        }
    }

    private static jakarta.mail.internet.MimeMessage last(AccountsFixture f, String address) {
        List<jakarta.mail.internet.MimeMessage> mails = f.mailsTo(address);
        assertThat(mails).as("mails to " + address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private static GuardianId annaAtBothSchools(AccountsFixture f) {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        var daan = f.host.addStudent("daan", KLIMOP, "Daan", java.time.LocalDate.of(2018, 5, 1),
                nl.ouderportaal.spi.host.EnrolmentStatus.IN_EDUCATION);
        f.host.link(anna, daan.id(), true);
        f.activate(anna, "anna@example.org", PASSWORD);
        return anna;
    }

    @Test
    @DisplayName("3. staff of one school cannot deactivate an account that another school shares")
    void oneSchoolCannotDeactivateASharedAccount() {
        try (AccountsFixture f = new AccountsFixture(h2())) {
            GuardianId anna = annaAtBothSchools(f);

            assertThatThrownBy(() -> f.portal.accounts().deactivate(INVITER_A, anna))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).message().nl())
                            .contains("alle scholen van de kinderen"));
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);

            f.portal.accounts().deactivate(BOARD, anna);
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.INACTIVE);
            assertThat(f.portal.audit().ofSchool(KLIMOP, 50)).anyMatch(e -> e.action().equals("account.deactivated"));
            assertThat(f.schoolAudit()).anyMatch(e -> e.action().equals("account.deactivated"));
        }
    }

    @Test
    @DisplayName("3. staff of one school cannot reactivate an account by re-inviting; reactivation sends no password link")
    void oneSchoolCannotReactivateASharedAccount() {
        try (AccountsFixture f = new AccountsFixture(h2())) {
            GuardianId anna = annaAtBothSchools(f);
            f.portal.accounts().deactivate(BOARD, anna);

            InvitationPreview byA = f.portal.invitations().inviteOne(INVITER_A, AccountsFixture.SCHOOL, anna);
            assertThat(byA.skipped()).containsEntry(anna, InvitationPreview.SkipReason.OTHER_SCHOOLS);
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.INACTIVE);

            f.portal.invitations().inviteOne(BOARD, AccountsFixture.SCHOOL, anna);
            f.deliver();
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
            assertThat(AccountsFixture.body(last(f, "anna@example.org"))).contains("weer actief").doesNotContain("token=");
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            assertThat(f.portal.audit().ofSchool(KLIMOP, 50)).anyMatch(e -> e.action().equals("account.reactivated"));
        }
    }

    @Test
    @DisplayName("21. the invitation preview answers alike for an unknown guardian id and another school's guardian")
    void thePreviewDoesNotTellUnknownFromOtherSchools() {
        try (AccountsFixture f = new AccountsFixture(h2())) {
            GuardianId elsewhere = f.guardianWithChild("elders", "elders@example.org", "klimop");
            GuardianId unknown = GuardianId.of("bestaat-niet");

            InvitationPreview preview = f.portal.invitations().preview(AccountsFixture.ADMIN, AccountsFixture.SCHOOL,
                    List.of(elsewhere, unknown));

            assertThat(preview.skipped().get(unknown)).isEqualTo(preview.skipped().get(elsewhere))
                    .isEqualTo(InvitationPreview.SkipReason.NOT_AT_YOUR_SCHOOL);
        }
    }

    @Test
    @DisplayName("23. the read-only message of an impersonation is the seed's in Dutch, and in English names the role")
    void theReadOnlyMessageKeepsTheSeedsMeaning() {
        assertThat(Session.READ_ONLY.nl()).isEqualTo("Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je"
                + " wijzigingen niet worden opgeslagen of verzonden.");
        assertThat(Session.READ_ONLY.en()).isEqualTo("Note: since you are logged in as an application administrator, your"
                + " changes will not be saved or sent.");
    }
}
