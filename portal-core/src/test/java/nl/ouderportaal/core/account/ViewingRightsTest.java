package nl.ouderportaal.core.account;

import nl.ouderportaal.core.testing.UserTexts;
import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import nl.ouderportaal.core.Portal;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.testing.TestDatabases;
import nl.ouderportaal.core.validation.PortalValidationException;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ActivitySource;
import nl.ouderportaal.spi.host.GroupSource;
import nl.ouderportaal.spi.host.GuardianSource;
import nl.ouderportaal.spi.host.SchoolSource;
import nl.ouderportaal.spi.host.StudentSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Viewing rights changed by staff (Inzage ouderportaal)")
class ViewingRightsTest {

    private static final StaffActor INVITER = new StaffActor(StaffId.of("m-2"), "Meester Bas", Set.of(StaffActor.Role.INVITE),
            Set.of(SCHOOL));
    private static final StaffActor TEACHER = new StaffActor(StaffId.of("m-3"), "Juf Els", Set.of(), Set.of(SCHOOL));
    private static final StudentId SANNE = StudentId.of("child-of-anna");

    private static GuardianId activeAnna(AccountsFixture f) {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.activate(anna, "anna@example.org", "een goed lang wachtwoord");
        return anna;
    }

    private static boolean seesSanne(AccountsFixture f, GuardianId guardian) {
        return f.portal.guardians().home(Viewer.guardian(guardian)).children().stream()
                .anyMatch(c -> c.student().id().equals(SANNE));
    }

    @Test
    void turningTheRightOffRemovesTheChildFromTheGuardiansPortalAtOnceAndOnBringsItBack() {
        try (AccountsFixture f = new AccountsFixture(TestDatabases.h2())) {
            GuardianId anna = activeAnna(f);
            assertThat(seesSanne(f, anna)).isTrue();

            f.portal.viewingRights().set(INVITER, SCHOOL, anna, SANNE, false);

            assertThat(seesSanne(f, anna)).isFalse();
            assertThat(f.portal.accountOverview().list(ADMIN, SCHOOL, OverviewFilter.ALL))
                    .singleElement().satisfies(row -> assertThat(row.children()).singleElement()
                            .satisfies(c -> {
                                assertThat(c.student()).isEqualTo(SANNE);
                                assertThat(c.viewingRight()).isFalse();
                            }));

            f.portal.viewingRights().set(ADMIN, SCHOOL, anna, SANNE, true);

            assertThat(seesSanne(f, anna)).isTrue();
        }
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhichChild() {
        try (AccountsFixture f = new AccountsFixture(TestDatabases.h2())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");

            f.portal.viewingRights().set(INVITER, SCHOOL, anna, SANNE, false);
            f.portal.viewingRights().set(ADMIN, SCHOOL, anna, SANNE, true);

            assertThat(f.schoolAudit()).filteredOn(e -> e.action().startsWith("viewing-right."))
                    .extracting(e -> e.action() + " by " + e.actorName() + " for " + e.guardian().value() + ": " + e.detail())
                    .containsExactlyInAnyOrder(
                            "viewing-right.revoked by Meester Bas for anna: child child-of-anna",
                            "viewing-right.granted by Juf Ineke de Boer for anna: child child-of-anna");
        }
    }

    @Test
    void staffWithoutTheAdminOrInviteRoleOrForAnotherSchoolAreRefusedAndNothingChanges() {
        try (AccountsFixture f = new AccountsFixture(TestDatabases.h2())) {
            GuardianId anna = activeAnna(f);
            StaffActor otherSchool = new StaffActor(StaffId.of("m-9"), "Elders", Set.of(StaffActor.Role.ADMIN),
                    Set.of(SchoolId.of("klimop")));

            assertThatThrownBy(() -> f.portal.viewingRights().set(TEACHER, SCHOOL, anna, SANNE, false))
                    .isInstanceOf(AccessRefusedException.class)
                    .satisfies(e -> assertThat(UserTexts.dutch(e)).isEqualTo("Alleen een applicatiebeheerder kan dit doen."));
            assertThatThrownBy(() -> f.portal.viewingRights().set(otherSchool, SCHOOL, anna, SANNE, false))
                    .isInstanceOf(AccessRefusedException.class);

            assertThat(f.host.calls("setViewingRight")).isZero();
            assertThat(seesSanne(f, anna)).isTrue();
            assertThat(f.schoolAudit()).extracting(e -> e.action()).contains("admin.refused")
                    .noneMatch(a -> a.startsWith("viewing-right."));
        }
    }

    @Test
    void aChildOfAnotherSchoolOrNotLinkedToTheGuardianIsRefusedWithAClearMessage() {
        try (AccountsFixture f = new AccountsFixture(TestDatabases.h2())) {
            GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
            f.guardianWithChild("bram", "bram@example.org");
            GuardianId elders = f.guardianWithChild("elders", "elders@example.org", "klimop");

            assertThatThrownBy(() -> f.portal.viewingRights().set(ADMIN, SCHOOL, anna, StudentId.of("child-of-bram"), false))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> {
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("child");
                            assertThat(v.message().nl()).isEqualTo("Dit kind is geen kind van deze verzorger op deze school.");
                            assertThat(v.message().en()).isEqualTo("This child is not a child of this guardian at this school.");
                        });
                    });
            assertThatThrownBy(() -> f.portal.viewingRights().set(ADMIN, SCHOOL, elders, StudentId.of("child-of-elders"), false))
                    .isInstanceOf(PortalValidationException.class);

            assertThat(f.host.calls("setViewingRight")).isZero();
        }
    }

    @Test
    void aHostWithoutAViewingRightSinkGetsAClearRefusal() {
        try (AccountsFixture f = new AccountsFixture(TestDatabases.h2());
             Portal withoutSink = Portal.builder().store(TestDatabases.h2()).accounts(AccountSettings.defaults(AccountsFixture.PORTAL_URL))
                     .source(SchoolSource.class, f.host).source(StudentSource.class, f.host)
                     .source(GuardianSource.class, f.host).source(GroupSource.class, f.host)
                     .source(ActivitySource.class, f.host).build()) {
            GuardianId anna = activeAnna(f);

            assertThat(withoutSink.viewingRights().supported()).isFalse();
            assertThat(f.portal.viewingRights().supported()).isTrue();
            assertThatThrownBy(() -> withoutSink.viewingRights().set(ADMIN, SCHOOL, anna, SANNE, false))
                    .isInstanceOfSatisfying(PortalValidationException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("viewingRight")))
                    .satisfies(e -> assertThat(UserTexts.dutch(e)).contains("leerlingadministratie"));
            assertThat(seesSanne(f, anna)).isTrue();
        }
    }
}
