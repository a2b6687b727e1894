package nl.ouderportaal.core.account;

import nl.ouderportaal.core.internal.AccountRepository;
import static nl.ouderportaal.core.account.AccountsFixture.ADMIN;
import static nl.ouderportaal.core.account.AccountsFixture.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import nl.ouderportaal.core.admin.AccessRefusedException;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.admin.OverviewRow;
import nl.ouderportaal.core.mail.DeliveryStatus;
import nl.ouderportaal.core.store.PortalStore;
import nl.ouderportaal.core.testing.InMemoryHost;
import nl.ouderportaal.core.testing.OnBothDatabases;
import nl.ouderportaal.spi.GroupId;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolId;
import nl.ouderportaal.spi.SchoolYear;
import nl.ouderportaal.spi.StaffActor;
import nl.ouderportaal.spi.StaffId;
import nl.ouderportaal.spi.StudentId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.Guardian;
import nl.ouderportaal.spi.host.PersonName;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The account overview and its Excel export")
class AccountOverviewTest {

    private static final SchoolYear YEAR = SchoolYear.containing(LocalDate.of(2026, 3, 2));

    /** anna active with viewing right, bram invited, evil (a formula as name) without account, one at another school. */
    private static void guardians(AccountsFixture f) {
        GuardianId anna = f.guardianWithChild("anna", "anna@example.org");
        f.guardianWithChild("bram", "bram@example.org");
        GuardianId evil = f.guardianWithChild("evil", "@evil.example.org");
        Guardian e = f.host.guardians.get(evil);
        f.host.guardians.put(evil, new Guardian(evil, new PersonName(null, "Kwaad", null, "=HYPERLINK(\"http://evil\",\"klik\")"),
                e.personalData(), null, new ContactData("-evil@example.org", null, null, null), null, null));
        f.guardianWithChild("elders", "elders@example.org", "klimop");
        f.host.placeInGroup(StudentId.of("child-of-anna"), YEAR, InMemoryHost.group("g5", SCHOOL, YEAR, "Groep 5", 5));
        f.host.placeInGroup(StudentId.of("child-of-bram"), YEAR, InMemoryHost.group("g7", SCHOOL, YEAR, "Groep 7", 7));
        f.activate(anna, "anna@example.org", "een goed lang wachtwoord");
        f.portal.authentication().login("anna@example.org", "een goed lang wachtwoord");
        f.portal.invitations().inviteOne(ADMIN, SCHOOL, GuardianId.of("bram"));
    }

    @OnBothDatabases
    void listsEveryGuardianOfTheSchoolWithAccountInvitationAndViewingRights(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            guardians(f);

            List<OverviewRow> rows = f.portal.accountOverview().list(ADMIN, SCHOOL, OverviewFilter.ALL);

            assertThat(rows).extracting(r -> r.guardian().value()).containsExactly("evil", "anna", "bram");
            OverviewRow anna = rows.get(1);
            assertThat(anna.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(anna.lastLogin()).isEqualTo(f.clock.instant());
            assertThat(anna.lastInvitation().state()).isEqualTo(DeliveryStatus.State.SENT);
            assertThat(anna.children()).singleElement().satisfies(c -> {
                assertThat(c.group()).isEqualTo("Groep 5");
                assertThat(c.viewingRight()).isTrue();
            });
            assertThat(rows.get(2).status()).isEqualTo(AccountStatus.INVITED);
            assertThat(rows.get(2).lastInvitation().state()).isEqualTo(DeliveryStatus.State.QUEUED);
            assertThat(rows.get(0).status()).isEqualTo(AccountStatus.NONE);
            assertThat(rows.get(0).lastInvitation()).isNull();
        }
    }

    @OnBothDatabases
    void aSchoolWithMoreGuardiansThanOneIdListHoldsIsReadByScanningWithTheSameAnswer(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            guardians(f);
            for (int i = 0; i < AccountRepository.LARGE_SELECTION; i++) {
                f.guardianWithChild("many-" + i, "many-" + i + "@example.org");
            }

            List<OverviewRow> rows = f.portal.accountOverview().list(ADMIN, SCHOOL, OverviewFilter.ALL);

            assertThat(rows).hasSize(AccountRepository.LARGE_SELECTION + 3);
            assertThat(rows).filteredOn(r -> r.status() != AccountStatus.NONE)
                    .extracting(r -> r.guardian().value(), OverviewRow::status, r -> r.lastInvitation().state())
                    .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("anna", AccountStatus.ACTIVE, DeliveryStatus.State.SENT),
                            org.assertj.core.api.Assertions.tuple("bram", AccountStatus.INVITED, DeliveryStatus.State.QUEUED));
        }
    }

    @OnBothDatabases
    void filtersOnActiveAccountGroupNameAndEmail(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            guardians(f);
            var overview = f.portal.accountOverview();

            assertThat(overview.list(ADMIN, SCHOOL, OverviewFilter.ALL.withAccountActive(true))).extracting(r -> r.guardian().value())
                    .containsExactly("anna");
            assertThat(overview.list(ADMIN, SCHOOL, OverviewFilter.ALL.withAccountActive(false))).hasSize(2);
            assertThat(overview.list(ADMIN, SCHOOL, OverviewFilter.ALL.withGroup(GroupId.of("g7")))).extracting(r -> r.guardian().value())
                    .containsExactly("bram");
            assertThat(overview.list(ADMIN, SCHOOL, OverviewFilter.ALL.withName("KWAAD"))).extracting(r -> r.guardian().value())
                    .containsExactly("evil");
        }
    }

    @OnBothDatabases
    void theExportHasAHeaderDateCellsAndNoFormulaAndIsAudited(String db, Supplier<PortalStore> store) throws Exception {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            guardians(f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int written = f.portal.accountOverview().exportXlsx(ADMIN, SCHOOL, OverviewFilter.ALL, new Locale("nl"), out);

            assertThat(written).isEqualTo(3);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(sheet.getSheetName()).isEqualTo("Verzorgers");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Naam");
                assertThat(sheet.getLastRowNum()).isEqualTo(3);
                var evil = sheet.getRow(1);
                assertThat(evil.getCell(0).getCellType()).isEqualTo(CellType.STRING);
                assertThat(evil.getCell(0).getStringCellValue()).startsWith("'=HYPERLINK");
                assertThat(evil.getCell(1).getStringCellValue()).isEqualTo("'-evil@example.org");
                var anna = sheet.getRow(2);
                assertThat(anna.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(anna.getCell(3))).isTrue();
                assertThat(anna.getCell(5).getStringCellValue()).isEqualTo("verzonden");
                assertThat(anna.getCell(6).getStringCellValue()).isEqualTo("Sanne Jansen (Groep 5, ja)");
                for (var row : sheet) {
                    for (var cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(f.schoolAudit()).extracting(e -> e.action()).contains("overview.exported");
        }
    }

    @OnBothDatabases
    void staffOfAnotherSchoolOrWithoutARoleSeeNothing(String db, Supplier<PortalStore> store) {
        try (AccountsFixture f = new AccountsFixture(store.get())) {
            guardians(f);
            StaffActor elsewhere = new StaffActor(StaffId.of("m5"), "Beheer", Set.of(StaffActor.Role.ADMIN), Set.of(SchoolId.of("klimop")));
            StaffActor inviter = new StaffActor(StaffId.of("m6"), "Meester Jan", Set.of(StaffActor.Role.INVITE), Set.of(SCHOOL));

            assertThatThrownBy(() -> f.portal.accountOverview().list(elsewhere, SCHOOL, OverviewFilter.ALL))
                    .isInstanceOf(AccessRefusedException.class);
            assertThat(f.portal.accountOverview().list(inviter, SCHOOL, OverviewFilter.ALL)).hasSize(3);
        }
    }
}
