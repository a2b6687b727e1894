package nl.ouderportaal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The testing kit gives a test a whole portal in a few lines")
class PortalExtensionTest {

    private static Path lastFolder;

    @RegisterExtension
    final PortalExtension kit = PortalExtension.create().configure(builder -> builder.install(new AbsencesModule()));

    private GuardianId guardianWithChild(InMemoryHost host) {
        SchoolId school = host.addSchool("regenboog", "OBS De Regenboog").id();
        GuardianId anna = host.addGuardian("anna", "Anna", "Jansen").id();
        StudentId sanne = host.addStudent("sanne", school, "Sanne", LocalDate.of(2016, 4, 1),
                EnrolmentStatus.IN_EDUCATION).id();
        host.link(anna, sanne, true);
        return anna;
    }

    private static String token(CapturedMail.Mail mail) {
        return mail.link("/activate").getQuery().substring("token=".length());
    }

    private static StaffActor admin() {
        return new StaffActor(StaffId.of("m-1"), "J. de Boer", Set.of(StaffActor.Role.ADMIN), Set.of(SchoolId.of("regenboog")));
    }

    @Test
    void anInvitationArrivesInTheCapturedMailWithItsLinkAndTheLinkWorks(Portal portal, InMemoryHost host, CapturedMail mail) {
        GuardianId anna = guardianWithChild(host);

        portal.invitations().inviteOne(admin(), SchoolId.of("regenboog"), anna);
        assertThat(kit.sendMail()).isEqualTo(1);

        CapturedMail.Mail invitation = mail.lastTo("anna@example.org");
        assertThat(invitation.kind()).isEqualTo("invitation");
        assertThat(invitation.links()).isNotEmpty()
                .allSatisfy(link -> assertThat(link.toString()).startsWith(PortalExtension.PORTAL_URL.toString()));
        String token = token(invitation);
        portal.authentication().acceptInvitation(token, "een lang genoeg wachtwoord");
        assertThat(portal.authentication().login("anna@example.org", "een lang genoeg wachtwoord"))
                .isInstanceOf(LoginResult.Success.class);
        assertThat(portal.guardians().home(Viewer.guardian(anna)).children()).hasSize(1);
    }

    @Test
    void theMovableClockExpiresAnInvitationLink(Portal portal, InMemoryHost host, CapturedMail mail, MutableClock clock) {
        GuardianId anna = guardianWithChild(host);
        portal.invitations().inviteOne(admin(), SchoolId.of("regenboog"), anna);
        kit.sendMail();
        String token = token(mail.lastTo("anna@example.org"));

        clock.advance(portal.accountSettings().invitationLifetime().plus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> portal.authentication().acceptInvitation(token,
                "een lang genoeg wachtwoord")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aDownServerKeepsTheMailInTheOutboxUntilItIsUpAgain(Portal portal, InMemoryHost host, CapturedMail mail) {
        GuardianId anna = guardianWithChild(host);
        portal.invitations().inviteOne(admin(), SchoolId.of("regenboog"), anna);

        mail.setDown(true);
        assertThat(kit.sendMail()).isZero();
        assertThat(mail.all()).isEmpty();
        assertThat(portal.outbox().pending()).isEqualTo(1);

        mail.setDown(false);
        kit.clock().advance(Duration.ofMinutes(2));
        assertThat(kit.sendMail()).isEqualTo(1);
        assertThat(mail.to("anna@example.org")).hasSize(1);
    }

    @Test
    void theDatabaseLivesInATemporaryFolder() throws Exception {
        lastFolder = kit.folder();
        assertThat(Files.list(lastFolder).toList().toString()).contains("portal.mv.db");
        assertThat(kit.portal().installedModules()).extracting(d -> d.id()).containsExactly(AbsencesModule.ID);
    }

    @AfterAll
    static void theFolderIsGoneAfterTheTest() {
        if (lastFolder != null) {
            assertThat(lastFolder).doesNotExist();
        }
    }

    @Test
    void outsideATestTheExtensionSaysHowToRegisterIt() {
        PortalExtension unused = PortalExtension.create();
        assertThatThrownBy(unused::portal).hasMessageContaining("@RegisterExtension");
    }
}
