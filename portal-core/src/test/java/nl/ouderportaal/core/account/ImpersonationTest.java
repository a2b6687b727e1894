package nl.ouderportaal.core.account;

import nl.ouderportaal.core.testing.UserTexts;
import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.audit.AuditEvent;
import nl.ouderportaal.core.guardian.ImpersonationVisit;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.core.settings.SchoolSettingsUpdate;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Log in as guardian")
class ImpersonationTest {

    private static final String PASSWORD = "een wachtwoord voor de test";

    /** A guardian with a child at each of two schools, and an active account. */
    private static GuardianId anna(AccountsFixture f) {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.portal.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate("wijzigingen@regenboog.example.org", null, false), "x");
        var daan = f.host.addStudent("daan", SchoolId.of("klimop"), "Daan", java.time.LocalDate.of(2018, 1, 1),
                nl.ouderportaal.spi.host.EnrolmentStatus.IN_EDUCATION);
        f.host.link(anna, daan.id(), true);
        f.activate(anna, "anna@example.org", PASSWORD);
        return anna;
    }

    @OnBothDatabases
    void anAdministratorSeesWhatTheGuardianSeesAtTheirOwnSchoolsOnly(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = anna(f);

            String token = f.portal.impersonations().start(ADMIN, anna);
            Session session = f.portal.authentication().session(token).orElseThrow();
            Viewer viewer = Viewer.of(session);

            assertThat(session.isImpersonation()).isTrue();
            assertThat(viewer.impersonator()).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("Juf Ineke de Boer"));
            assertThat(f.portal.guardians().home(viewer).children()).extracting(c -> c.student().id())
                    .containsExactly(StudentId.of("child-of-anna"));
            assertThat(f.portal.guardians().home(Viewer.guardian(anna)).children()).hasSize(2);
        }
    }

    @OnBothDatabases
    void onlyAnAdministratorOfOneOfTheChildrensSchoolsMayAndRefusalsAreAudited(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = anna(f);
            GuardianId noAccount = f.guardianWithChild("bram", "bram@example.org");
            StaffActor teacher = new StaffActor(StaffId.of("m2"), "Meester Jan", Set.of(StaffActor.Role.INVITE), Set.of(SCHOOL));
            StaffActor elsewhere = new StaffActor(StaffId.of("m3"), "Beheer", Set.of(StaffActor.Role.ADMIN), Set.of(SchoolId.of("elders")));

            assertThatThrownBy(() -> f.portal.impersonations().start(teacher, anna)).isInstanceOf(AccessRefusedException.class);
            assertThatThrownBy(() -> f.portal.impersonations().start(elsewhere, anna)).isInstanceOf(AccessRefusedException.class);
            assertThatThrownBy(() -> f.portal.impersonations().start(ADMIN, noAccount)).isInstanceOf(AccessRefusedException.class);
            assertThat(f.auditActions(anna)).filteredOn("impersonation.refused"::equals).hasSize(2);
            int sessions = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from portal_sessions")
                    .mapTo(Integer.class).one());
            assertThat(sessions).isZero();
        }
    }

    @OnBothDatabases
    void everyWriteIsRefusedWithTheSeedsMessageAndNothingIsStoredOrSent(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = anna(f);
            String token = f.portal.impersonations().start(ADMIN, anna);
            // Every write of the public API that acts for a guardian through a session.
            Map<String, Consumer<String>> writes = new LinkedHashMap<>();
            writes.put("change password", t -> f.portal.authentication().changePassword(f.portal.authentication().writePermit(t), PASSWORD, PASSWORD + " nieuw"));
            writes.put("correct a child", t -> GuardianWrites.correctChild(f.portal, t, StudentId.of("child-of-anna"),
                    java.util.Map.of("birthPlace", "Zeist")));
            writes.put("reply to a note", t -> GuardianWrites.reply(f.portal, t, StudentId.of("child-of-anna"), "n1", "Dank u"));
            writes.put("switch notifications on", t -> f.portal.notifications().setEnabled(f.portal.authentication().writePermit(t), true));
            writes.put("correct own data", t -> GuardianWrites.correctSelf(f.portal, t, java.util.Map.of("surname", "Bakker")));
            Map<String, Integer> before = rowCounts(f);

            for (var write : writes.entrySet()) {
                assertThatThrownBy(() -> write.getValue().accept(token)).as(write.getKey())
                        .isInstanceOf(ImpersonationReadOnlyException.class)
                        .satisfies(e -> assertThat(UserTexts.dutch(e)).isEqualTo("Let op: aangezien je bent ingelogd als "
                                + "applicatiebeheerder zullen je wijzigingen niet worden opgeslagen of verzonden."));
            }

            assertThat(rowCounts(f)).isEqualTo(before);
            assertThat(f.portal.outbox().pending()).isZero();
            assertThat(f.portal.authentication().login("anna@example.org", PASSWORD)).isInstanceOf(LoginResult.Success.class);
            // The same write works in the guardian's own session: the refusal is the impersonation's, not the write's.
            String own = ((LoginResult.Success) f.portal.authentication().login("anna@example.org", PASSWORD)).sessionToken();
            f.portal.authentication().changePassword(f.portal.authentication().writePermit(own), PASSWORD, PASSWORD + " nieuw");
            assertThat(f.portal.outbox().pending()).isOne();
        }
    }

    @OnBothDatabases
    void startPagesAndEndAreAuditedAndTheGuardianCanReadThem(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = anna(f);
            String token = f.portal.impersonations().start(ADMIN, anna);
            Viewer viewer = Viewer.of(f.portal.authentication().session(token).orElseThrow());

            // A page loads the menu (home), the child's header and the offered actions too: one row per page.
            f.portal.guardians().home(viewer);
            f.portal.guardians().dashboard(viewer, java.util.Optional.empty());
            f.portal.guardians().home(viewer);
            f.portal.guardians().aboutChild(viewer, StudentId.of("child-of-anna"));
            f.portal.actions().forChild(viewer, StudentId.of("child-of-anna"));
            f.portal.guardians().aboutChild(viewer, StudentId.of("child-of-anna"));
            f.portal.authentication().logout(token);

            List<ImpersonationVisit> history = f.portal.impersonations().historyOf(anna);
            assertThat(history).singleElement().satisfies(visit -> {
                assertThat(visit.actorName()).isEqualTo("Juf Ineke de Boer");
                assertThat(visit.viewed()).containsExactly("dashboard", "about:child-of-anna");
                assertThat(visit.ended()).isAfterOrEqualTo(visit.started());
            });
            assertThat(f.portal.authentication().session(token)).isEmpty();
            assertThat(f.schoolAudit()).as("the school's own audit log shows it all")
                    .filteredOn(e -> e.action().startsWith("impersonation."))
                    .allSatisfy(e -> assertThat(e.school()).isEqualTo(AccountsFixture.SCHOOL))
                    .extracting(AuditEvent::detail)
                    .containsExactlyInAnyOrder(null, "about:child-of-anna", "about:child-of-anna", "dashboard", null);
        }
    }

    @OnBothDatabases
    void aSettingsChangeShowsInARunningImpersonationWithoutLoggingInAgain(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            GuardianId anna = anna(f);
            Viewer viewer = Viewer.of(f.portal.authentication().session(f.portal.impersonations().start(ADMIN, anna)).orElseThrow());
            assertThat(f.portal.guardians().home(viewer).children()).hasSize(1);

            f.portal.configuration().updateSettings(SCHOOL, new SchoolSettingsUpdate(null, null, true), "beheerder");

            assertThat(f.portal.guardians().home(viewer).children()).isEmpty();
            assertThat(f.portal.guardians().home(viewer).maintenanceNotices()).hasSize(1);
        }
    }

    private static Map<String, Integer> rowCounts(AccountsFixture f) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("guardian_accounts", "one_time_tokens", "mail_outbox", "change_requests",
                "news_messages", "school_settings", "module_settings")) {
            counts.put(table, nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select count(*) from " + table)
                    .mapTo(Integer.class).one()));
        }
        counts.put("password", nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery(
                "select count(distinct password_hash) from guardian_accounts").mapTo(Integer.class).one()));
        String hash = nl.ouderportaal.core.internal.Database.jdbi(f.store).withHandle(h -> h.createQuery("select password_hash from guardian_accounts where guardian_id = 'anna'")
                .mapTo(String.class).one());
        counts.put("password-hash", hash.hashCode());
        return counts;
    }
}
