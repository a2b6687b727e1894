package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Sending login details to guardians")
class InvitationsTest {

    @OnBothDatabases
    void oneGuardianReceivesASingleUseLinkSignedByTheStaffUserAndTheSchoolAndNeverAPassword(String db, Supplier<PortalStore> store)
            throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");

            InvitationPreview result = f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();

            assertThat(result.recipients()).extracting(InvitationPreview.Recipient::guardian).containsExactly(anna);
            MimeMessage mail = f.mailsTo("anna@example.org").get(0);
            String body = AccountsFixture.body(mail);
            assertThat(mail.getSubject()).isEqualTo("Uw inloggegevens voor het Ouderportaal van OBS De Regenboog");
            assertThat(body).contains("Juf Ineke de Boer", "OBS De Regenboog", "anna@example.org",
                    "https://ouders.regenboog.example.org/activate?token=", "geldig tot 9 maart 2026 om 09:00")
                    .doesNotContainIgnoringCase("wachtwoord:");
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.INVITED);
            assertThat(f.auditActions(anna)).containsExactly("invitation.issued");
            assertThat(f.portal.outbox().lastOfKind("invitation", List.of(anna)).get(anna).state())
                    .isEqualTo(DeliveryStatus.State.SENT);
        }
    }

    @OnBothDatabases
    void thePreviewNamesWhoIsSkippedAndWhyAndChangesNothing(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId ok = f.guardianWithChild("ok", "ok@example.org");
            GuardianId noEmail = f.guardianWithChild("no-email", null);
            GuardianId invalid = f.guardianWithChild("invalid", "ok.example.org");
            GuardianId elsewhere = f.guardianWithChild("elsewhere", "elsewhere@example.org", "klimop");
            GuardianId unknown = GuardianId.of("nobody");

            InvitationPreview preview = f.portal.invitations().preview(ADMIN, SCHOOL, List.of(ok, noEmail, invalid, elsewhere, unknown));

            assertThat(preview.recipients()).extracting(InvitationPreview.Recipient::guardian).containsExactly(ok);
            assertThat(preview.skipped()).isEqualTo(Map.of(
                    noEmail, InvitationPreview.SkipReason.NO_EMAIL,
                    invalid, InvitationPreview.SkipReason.INVALID_EMAIL,
                    elsewhere, InvitationPreview.SkipReason.NOT_AT_YOUR_SCHOOL,
                    unknown, InvitationPreview.SkipReason.NOT_AT_YOUR_SCHOOL));
            assertThat(preview.summary().nl()).isEqualTo("1 verzorger ontvangt inloggegevens; 4 worden overgeslagen.");
            assertThat(f.portal.accounts().status(ok)).isEqualTo(AccountStatus.NONE);
            assertThat(f.portal.outbox().pending()).isZero();
        }
    }

    @OnBothDatabases
    void anAddressThatDiffersOnlyInCaseFromAnotherAccountsIsSkipped(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId first = f.guardianWithChild("first", "Ouder@Example.org");
            GuardianId second = f.guardianWithChild("second", "ouder@example.ORG");
            f.portal.invitations().inviteOne(ADMIN, SCHOOL, first);

            InvitationPreview result = f.portal.invitations().inviteOne(ADMIN, SCHOOL, second);

            assertThat(result.recipients()).isEmpty();
            assertThat(result.skipped()).containsEntry(second, InvitationPreview.SkipReason.EMAIL_OF_ANOTHER_ACCOUNT);
            assertThat(f.portal.accounts().status(second)).isEqualTo(AccountStatus.NONE);
        }
    }

    @OnBothDatabases
    void aBulkInvitationMakesInactiveAccountsUsableAndReportsWhatItDid(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            GuardianId bram = f.guardianWithChild("bram", "bram@example.org");
            GuardianId noEmail = f.guardianWithChild("no-email", " ");
            f.activate(anna, "anna@example.org", "een lange zin als wachtwoord");
            f.portal.accounts().deactivate(ADMIN, anna);

            InvitationPreview result = f.portal.invitations().invite(ADMIN, SCHOOL, List.of(anna, bram, noEmail));
            f.deliver();

            assertThat(result.recipients()).extracting(InvitationPreview.Recipient::guardian).containsExactly(anna, bram);
            assertThat(result.skipped()).containsOnlyKeys(noEmail);
            assertThat(f.portal.accounts().status(anna)).isEqualTo(AccountStatus.ACTIVE);
            assertThat(f.portal.accounts().status(bram)).isEqualTo(AccountStatus.INVITED);
            assertThat(f.mailsTo("bram@example.org")).hasSize(1);
        }
    }

    @OnBothDatabases
    void staffActOnlyForTheSchoolsTheyServe(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            StaffActor otherSchool = new StaffActor(StaffId.of("m-9"), "Meester Jan", Set.of(StaffActor.Role.ADMIN),
                    Set.of(SchoolId.of("klimop")));
            StaffActor noRole = new StaffActor(StaffId.of("m-8"), "Stagiair", Set.of(), Set.of(SCHOOL));

            assertThatThrownBy(() -> f.portal.invitations().inviteOne(otherSchool, SCHOOL, anna))
                    .isInstanceOf(PortalValidationException.class);
            assertThatThrownBy(() -> f.portal.invitations().inviteOne(noRole, SCHOOL, anna))
                    .isInstanceOf(PortalValidationException.class);
            assertThat(f.portal.invitations().inviteOne(otherSchool, SchoolId.of("klimop"), anna).skipped())
                    .containsEntry(anna, InvitationPreview.SkipReason.NOT_AT_YOUR_SCHOOL);
            assertThatThrownBy(() -> f.portal.accounts().deactivate(otherSchool, anna)).isInstanceOf(PortalValidationException.class);
        }
    }

    @OnBothDatabases
    void aSchoolNameWithLineBreaksCannotInjectMailHeaders(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            f.host.addSchool(SCHOOL.value(), "OBS De Regenboog\r\nBcc: victim@example.org");
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");

            f.portal.invitations().inviteOne(ADMIN, SCHOOL, anna);
            f.deliver();

            assertThat(f.smtp.getReceivedMessages()).hasSize(1);
            MimeMessage mail = f.smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).doesNotContain("\r", "\n");
            assertThat(mail.getHeader("Bcc")).isNull();
            assertThat(f.mailsTo("victim@example.org")).isEmpty();
        }
    }
}
