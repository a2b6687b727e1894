package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.admin.OverviewRow;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.core.validation.Violation;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Staff correct a guardian's account email (R-ACC-13)")
class AccountEmailsTest {

    private static final String PASSWORD = "een lang en goed wachtwoord";

    @OnBothDatabases
    void aCorrectionBeforeTheInvitationIsWhereTheInvitationGoesAndTheHostIsNotChanged(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@oud.example.org");

            assertThat(f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "  anna@nieuw.example.org ")).isTrue();

            assertThat(row(f, anna).email()).isEqualTo("anna@nieuw.example.org");
            assertThat(row(f, anna).status()).isEqualTo(AccountStatus.NONE);
            assertThat(f.host.guardians.get(anna).contact().email()).isEqualTo("anna@oud.example.org");
            assertThat(f.portal.outbox().pending()).as("no account yet: nothing to announce").isZero();
            // No account yet: the reserved address cannot recover a password.
            f.portal.authentication().forgotPassword("anna@nieuw.example.org");
            assertThat(f.portal.outbox().pending()).isZero();

            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();

            assertThat(f.mailsTo("anna@oud.example.org")).isEmpty();
            assertThat(f.mailsTo("anna@nieuw.example.org")).hasSize(1);
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.INVITED);
            f.portal.authentication().acceptInvitation(f.lastToken("anna@nieuw.example.org"), PASSWORD);
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", PASSWORD))
                    .isInstanceOf(LoginResult.Success.class);
            assertThat(f.auditActions(anna)).startsWith("account.email-changed", "invitation.issued");
        }
    }

    @OnBothDatabases
    void aChangedAddressOfAnAccountRevokesItsLinksAndIsAnnouncedToBothAddresses(String db, Supplier<PortalStore> store)
            throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@oud.example.org");
            f.activate(anna, "anna@oud.example.org", PASSWORD);
            f.portal.authentication().forgotPassword("anna@oud.example.org");
            f.deliver();
            String resetLink = f.lastToken("anna@oud.example.org");

            f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "anna@nieuw.example.org");
            f.deliver();
            String asked = AccountsFixture.body(last(f, "anna@oud.example.org"));
            String toNew = AccountsFixture.body(last(f, "anna@nieuw.example.org"));
            // An account with a password: the change waits for the new address (issue 19).
            f.portal.accountEmails().confirm(f.lastToken("anna@nieuw.example.org"));
            f.deliver();

            assertThatThrownBy(() -> f.portal.authentication().resetPassword(resetLink, "nog een ander wachtwoord"))
                    .isInstanceOf(PortalValidationException.class);
            String toOld = AccountsFixture.body(last(f, "anna@oud.example.org"));
            assertThat(asked).contains("Juf Ineke de Boer van OBS De Regenboog wil het e-mailadres")
                    .doesNotContain("anna@nieuw.example.org");
            assertThat(toOld).contains("is gewijzigd", "undo-email?token=").doesNotContain("anna@nieuw.example.org");
            assertThat(toNew).contains("Juf Ineke de Boer van OBS De Regenboog wil dit adres instellen", "confirm-email?token=");
            assertThat(f.portal.authentication().login("anna@oud.example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            assertThat(f.schoolAudit()).anyMatch(e -> e.action().equals("account.email-changed")
                    && e.detail().startsWith("anna@oud.example.org -> anna@nieuw.example.org"));
        }
    }

    @OnBothDatabases
    void severalAddressesAreCorrectedAtOnceOrNoneIfOneIsRefused(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId bram = f.guardianWithChild("bram", null);
            GuardianId cor = f.guardianWithChild("cor", "cor@example.org");
            GuardianId dirk = f.guardianWithChild("dirk", "dirk@example.org");
            f.activate(dirk, "dirk@example.org", PASSWORD);
            int auditBefore = f.schoolAudit().size();

            Map<GuardianId, String> refused = new LinkedHashMap<>();
            refused.put(anna, "anna@nieuw.example.org");
            refused.put(bram, "bram@example.org\r\nBcc: iedereen@example.org");
            refused.put(cor, "DIRK@example.org");
            assertThatThrownBy(() -> f.portal.accountEmails().changeAll(ADMIN, SCHOOL, refused))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactlyInAnyOrder("emails.bram", "emails.cor"));
            assertThat(row(f, anna).email()).isEqualTo("anna@example.org");
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.NONE);
            assertThat(f.schoolAudit()).hasSize(auditBefore);

            Map<GuardianId, String> accepted = new LinkedHashMap<>();
            accepted.put(anna, "anna@nieuw.example.org");
            accepted.put(bram, "bram@example.org");
            accepted.put(cor, "Cor@Example.org");
            assertThat(f.portal.accountEmails().changeAll(ADMIN, SCHOOL, accepted)).as("cor's is the same address").isEqualTo(2);
            assertThat(f.portal.invitations().preview(ADMIN, SCHOOL, List.of(anna, bram, cor)).recipients())
                    .extracting(InvitationPreview.Recipient::email)
                    .containsExactlyInAnyOrder("anna@nieuw.example.org", "bram@example.org", "cor@example.org");
        }
    }

    @OnBothDatabases
    void twoGuardiansCannotBeGivenOneAddressAndNoGuardianTheAddressOfAnotherAccount(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId bram = f.guardianWithChild("bram", "bram@example.org");
            f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "gezin@example.org");

            assertThatThrownBy(() -> f.portal.accountEmails().change(ADMIN, SCHOOL, bram, "Gezin@Example.org"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("email");
                                assertThat(v.message().nl()).isEqualTo("Dit e-mailadres hoort al bij een ander account.");
                                assertThat(v.message().en()).isEqualTo("This email address already belongs to another account.");
                            }));
            Map<GuardianId, String> same = new LinkedHashMap<>();
            same.put(anna, "samen@example.org");
            same.put(bram, "samen@example.org");
            assertThatThrownBy(() -> f.portal.accountEmails().changeAll(ADMIN, SCHOOL, same))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(row(f, anna).email()).isEqualTo("gezin@example.org");
            assertThat(row(f, bram).email()).isEqualTo("bram@example.org");
        }
    }

    @OnBothDatabases
    void staffOfAnotherSchoolOrWithoutAccountRightsChangeNothing(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId elsewhere = f.guardianWithChild("elders", "elders@example.org", "klimop");
            StaffActor teacher = new StaffActor(StaffId.of("t-1"), "Meester Bas", Set.of(), Set.of(SCHOOL));
            StaffActor otherSchool = new StaffActor(StaffId.of("m-2"), "Juf Els", Set.of(StaffActor.Role.ADMIN),
                    Set.of(SchoolId.of("klimop")));

            assertThatThrownBy(() -> f.portal.accountEmails().change(teacher, SCHOOL, anna, "x@example.org"))
                    .isInstanceOf(PortalValidationException.class);
            assertThatThrownBy(() -> f.portal.accountEmails().change(otherSchool, SCHOOL, anna, "x@example.org"))
                    .isInstanceOf(PortalValidationException.class);
            assertThatThrownBy(() -> f.portal.accountEmails().change(ADMIN, SCHOOL, elsewhere, "x@example.org"))
                    .isInstanceOfSatisfying(PortalValidationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("email"));
            assertThatThrownBy(() -> f.portal.accountEmails().change(ADMIN, SCHOOL, GuardianId.of("niemand"), "x@example.org"))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(row(f, anna).email()).isEqualTo("anna@example.org");
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.NONE);
            assertThat(f.auditActions(anna)).isEmpty();
        }
    }

    @OnBothDatabases
    void aGuardianWithAChildAtAnotherSchoolKeepsTheAddressUnlessTheStaffUserServesBothSchools(String db,
                                                                                          Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            var daan = f.host.addStudent("daan", SchoolId.of("klimop"), "Daan", java.time.LocalDate.of(2018, 5, 1),
                    nl.ouderportaal.spi.host.EnrolmentStatus.IN_EDUCATION);
            f.host.link(anna, daan.id(), true);
            f.activate(anna, "anna@example.org", PASSWORD);
            StaffActor inviter = new StaffActor(StaffId.of("m-9"), "Meester Bas", Set.of(StaffActor.Role.INVITE), Set.of(SCHOOL));
            StaffActor board = new StaffActor(StaffId.of("m-10"), "Bestuurder", Set.of(StaffActor.Role.ADMIN),
                    Set.of(SCHOOL, SchoolId.of("klimop")));

            assertThatThrownBy(() -> f.portal.accountEmails().change(inviter, SCHOOL, anna, "overname@example.org"))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations().get(0).message().nl())
                            .contains("ook een kind op een school die u niet beheert"));
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);

            f.portal.accountEmails().change(board, SCHOOL, anna, "anna@nieuw.example.org");
            assertThat(f.portal.audit().ofSchool(SchoolId.of("klimop"), 50)).as("the other school's log shows it too")
                    .anyMatch(e -> e.action().equals("account.email-change-requested"));
            f.deliver();
            f.portal.accountEmails().confirm(f.lastToken("anna@nieuw.example.org"));
            assertThat(f.portal.audit().ofSchool(SchoolId.of("klimop"), 50)).anyMatch(e -> e.action().equals("account.email-changed"));
        }
    }

    @OnBothDatabases
    void swappedAddressesAreCorrectedInOneCall(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId vader = f.guardianWithChild("vader", "moeder@example.org");
            GuardianId moeder = f.guardianWithChild("moeder", "vader@example.org");
            // Invited, no password yet: their addresses change at once (one with a password waits for confirmation).
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, vader);
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, moeder);

            Map<GuardianId, String> swap = new LinkedHashMap<>();
            swap.put(vader, "vader@example.org");
            swap.put(moeder, "moeder@example.org");
            assertThat(f.portal.accountEmails().changeAll(ADMIN, SCHOOL, swap)).isEqualTo(2);

            nl.ouderportaal.core.internal.AccountRepository accounts = new nl.ouderportaal.core.internal.AccountRepository(f.store);
            assertThat(accounts.byGuardian(vader).orElseThrow().email()).isEqualTo("vader@example.org");
            assertThat(accounts.byGuardian(moeder).orElseThrow().email()).isEqualTo("moeder@example.org");
        }
    }

    @OnBothDatabases
    void anInvitedGuardianWhoseAddressIsCorrectedGetsAFreshInvitationAtTheNewAddress(String db, Supplier<PortalStore> store)
            throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@oud.example.org");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();
            String oldLink = f.lastToken("anna@oud.example.org");

            f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "anna@nieuw.example.org");
            f.deliver();

            assertThatThrownBy(() -> f.portal.authentication().acceptInvitation(oldLink, PASSWORD))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(last(f, "anna@nieuw.example.org").getSubject()).startsWith("Uw inloggegevens voor het Ouderportaal");
            f.portal.authentication().acceptInvitation(f.lastToken("anna@nieuw.example.org"), PASSWORD);
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
        }
    }

    @OnBothDatabases
    void anInactiveAccountIsToldItIsInactiveAtItsNewAddress(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.activate(anna, "anna@example.org", PASSWORD);
            f.portal.accounts().deactivate(ADMIN, anna);

            f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "anna@nieuw.example.org");
            f.deliver();
            // It had a password: the change waits for the new address, and the account stays inactive after it.
            assertThat(AccountsFixture.body(last(f, "anna@nieuw.example.org"))).contains("confirm-email?token=");
            f.portal.accountEmails().confirm(f.lastToken("anna@nieuw.example.org"));

            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.INACTIVE);
            assertThat(f.portal.authentication().login("anna@nieuw.example.org", PASSWORD)).isInstanceOf(LoginResult.Refused.class);
        }
    }

    @OnBothDatabases
    void aReservedAddressWithoutAnAccountCannotLogInBeImpersonatedOrDeactivated(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.portal.accountEmails().change(ADMIN, SCHOOL, anna, "anna@nieuw.example.org");

            assertThat(f.portal.authentication().login("anna@nieuw.example.org", "")).isInstanceOf(LoginResult.Refused.class);
            assertThatThrownBy(() -> f.portal.impersonations().start(ADMIN, anna))
                    .isInstanceOf(nl.ouderportaal.core.admin.AccessRefusedException.class);
            assertThatThrownBy(() -> f.portal.accounts().deactivate(ADMIN, anna)).isInstanceOf(PortalValidationException.class);
            f.portal.authentication().forgotUsername("anna@nieuw.example.org");
            assertThat(f.portal.outbox().pending()).isZero();
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.NONE);
        }
    }

    private static OverviewRow row(AccountsFixture f, GuardianId guardian) {
        return f.portal.accountOverview().list(ADMIN, SCHOOL, OverviewFilter.ALL).stream()
                .filter(r -> r.guardian().equals(guardian)).findFirst().orElseThrow();
    }

    private static jakarta.mail.internet.MimeMessage last(AccountsFixture f, String address) {
        List<jakarta.mail.internet.MimeMessage> mails = f.mailsTo(address);
        assertThat(mails).as("mails to %s", address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }
}
