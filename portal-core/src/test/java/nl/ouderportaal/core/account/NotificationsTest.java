package nl.ouderportaal.core.account;

import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.function.Supplier;
import nl.ouderportaal.core.notify.NewItem;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.modules.absences.AbsencesModule;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.LocalizedText;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.notify.NotificationChannel;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Notifications of new items")
class NotificationsTest {

    private static final String PASSWORD = "meldingen aan of uit zetten";
    private static final StudentId SANNE = StudentId.of("child-of-anna");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static String login(AccountsFixture f, String id, String email) {
        GuardianId guardian = f.guardianWithChild(id, email);
        f.activate(guardian, email, PASSWORD);
        return ((LoginResult.Success) f.portal.authentication().login(email, PASSWORD)).sessionToken();
    }

    private static NewItem absence(String id) {
        return new NewItem(AbsencesModule.ID, SCHOOL, SANNE, id, LocalizedText.of("Absent: ziek", "Absent: ill"), DAY);
    }

    @OnBothDatabases
    void aGuardianWhoSwitchedThemOnGetsOneDigestPerRunAndEachItemOnce(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String anna = login(f, "anna", "anna@example.org");
            login(f, "bram", "bram@example.org");
            f.portal.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");
            f.portal.notifications().setEnabled(f.portal.authentication().writePermit(anna), true);
            NotificationChannel channel = mock(NotificationChannel.class);
            f.channel = channel;
            int before = f.smtp.getReceivedMessages().length;

            f.host.activities.add(new nl.ouderportaal.spi.host.Activity("sport", SCHOOL, "Sportdag", null, DAY.plusDays(10),
                    DAY.plusDays(10), java.util.Set.of()));
            f.portal.notifications().published(absence("a1"));
            f.portal.notifications().published(absence("a1"));
            f.portal.notifications().published(new NewItem("activities", SCHOOL, null, "sport",
                    LocalizedText.of("Sportdag", "Sports day"), DAY.plusDays(10)));
            assertThat(f.portal.notifications().dispatchOnce()).isOne();
            f.portal.notifications().published(absence("a1"));
            assertThat(f.portal.notifications().dispatchOnce()).as("already delivered").isZero();
            f.deliver();

            var mails = f.mailsTo("anna@example.org");
            assertThat(mails.subList(mails.size() - 1, mails.size())).singleElement().satisfies(m -> {
                assertThat(m.getSubject()).isEqualTo("2 nieuwe berichten in het Ouderportaal");
                assertThat(AccountsFixture.body(m)).contains("12 maart 2026: Sportdag", "2 maart 2026, Sanne Jansen: Absent: ziek");
            });
            assertThat(f.smtp.getReceivedMessages().length - before).as("bram did not switch them on").isOne();
            verify(channel).deliver(eq(GuardianId.of("anna")), eq("anna@example.org"), argThat(items -> items.size() == 2));
        }
    }

    @OnBothDatabases
    void whatTheGuardianMayNoLongerSeeWhenTheRunComesIsNotNotified(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String anna = login(f, "anna", "anna@example.org");
            f.portal.configuration().activate(SCHOOL, AbsencesModule.ID, "beheerder");
            f.portal.notifications().setEnabled(f.portal.authentication().writePermit(anna), true);
            f.portal.notifications().published(absence("a1"));

            f.host.setViewingRight(GuardianId.of("anna"), SANNE, false);

            assertThat(f.portal.notifications().dispatchOnce()).isZero();
            f.host.setViewingRight(GuardianId.of("anna"), SANNE, true);
            f.portal.configuration().deactivate(SCHOOL, AbsencesModule.ID, "beheerder");
            f.portal.notifications().published(absence("a2"));
            assertThat(f.portal.notifications().dispatchOnce()).as("module off").isZero();
        }
    }

    @OnBothDatabases
    void itemsTheModuleOrTheGroupRuleHidesAreNotNotified(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            String anna = login(f, "anna", "anna@example.org");
            f.portal.notifications().setEnabled(f.portal.authentication().writePermit(anna), true);
            f.host.activities.add(new nl.ouderportaal.spi.host.Activity("trip8", SCHOOL, "Schoolreis groep 8", null,
                    DAY.plusDays(5), DAY.plusDays(5), java.util.Set.of(nl.ouderportaal.spi.GroupId.of("g8"))));

            f.portal.notifications().published(new NewItem("activities", SCHOOL, null, "trip8",
                    LocalizedText.of("Schoolreis groep 8", "Trip group 8"), DAY.plusDays(5)));
            f.portal.notifications().published(new NewItem("activities", SCHOOL, null, "unpublished",
                    LocalizedText.of("Teamuitje", "Team outing"), DAY));

            assertThat(f.portal.notifications().dispatchOnce()).as("another group's trip, an unpublished activity").isZero();
        }
    }

    @OnBothDatabases
    void anImpersonatingAdministratorCannotSwitchThemOn(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            login(f, "anna", "anna@example.org");
            String impersonation = f.portal.impersonations().start(ADMIN, GuardianId.of("anna"));

            assertThatThrownBy(() -> f.portal.notifications().setEnabled(f.portal.authentication().writePermit(impersonation), true))
                    .isInstanceOf(ImpersonationReadOnlyException.class);
            assertThat(f.portal.notifications().isEnabled(GuardianId.of("anna"))).isFalse();
        }
    }
}
