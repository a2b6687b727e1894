package nl.ouderportaal.reliability;

import static nl.ouderportaal.reliability.HostilePortal.ADMIN;
import static nl.ouderportaal.reliability.HostilePortal.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ouderportaal.core.account.InvitationPreview;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.host.ContactData;
import nl.ouderportaal.spi.host.EnrolmentStatus;
import nl.ouderportaal.spi.host.Guardian;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The host's data is input too: guardians whose names and email addresses are corpus lines, as a SIS
 * import of a spreadsheet or a typo would give them.
 */
@DisplayName("Hostile inputs: host data in the Excel export and in bulk invitations")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostDataHostileInputsTest {

    private final HostilePortal p = new HostilePortal("hostdata");
    private final List<HostileInputs.Input> names = HostileInputs.of("formula", "xss", "sql", "crlf").toList();
    private final List<HostileInputs.Input> emails = HostileInputs.of("emails", "crlf").toList();
    private final List<GuardianId> hostile = new ArrayList<>();

    @BeforeAll
    void hostileGuardians() {
        int n = 0;
        for (int i = 0; i < Math.max(names.size(), emails.size()); i++) {
            String surname = names.get(i % names.size()).value();
            String email = emails.get(i % emails.size()).value();
            Guardian base = p.host.addGuardian("h-" + (++n), "Ouder" + n, surname.isBlank() ? "Leeg" : surname);
            p.host.guardians.put(base.id(), new Guardian(base.id(), base.name(), base.personalData(), base.address(),
                    new ContactData(email, null, null, null), null, null));
            var child = p.host.addStudent("k-" + n, SCHOOL, "Kind" + n, LocalDate.of(2016, 1, 1),
                    EnrolmentStatus.IN_EDUCATION);
            p.host.link(base.id(), child.id(), true);
            hostile.add(base.id());
        }
    }

    @AfterAll
    void close() {
        p.close();
    }

    @Test
    @DisplayName("The Excel overview writes every hostile name as a text cell, never as a formula")
    void excelCellsAreText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.portal.accountOverview().exportXlsx(ADMIN, SCHOOL, OverviewFilter.ALL, Locale.forLanguageTag("nl"), out);

        Set<String> texts = new HashSet<>();
        int formulas = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas++;
                        } else if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(formulas).as("formula cells").isZero();
        String all = String.join("\n", texts);
        for (HostileInputs.Input name : HostileInputs.category("formula")) {
            // Written as text; a leading quote or stripped line breaks are allowed neutralisations.
            String core = name.value().strip().replaceAll("[\\r\\n\\t]", "");
            assertThat(all.replaceAll("[\\r\\n\\t]", "")).as("the name %s in the export", name).contains(core);
        }
    }

    @Test
    @DisplayName("A bulk invitation to hostile host addresses mails only valid single addresses, headers intact")
    void bulkInvitationHeaders() {
        int before = p.smtp.getReceivedMessages().length;

        InvitationPreview preview = p.portal.invitations().invite(ADMIN, SCHOOL, hostile);
        p.deliver();

        assertThat(preview.recipients().size() + preview.skipped().size()).isEqualTo(hostile.size());
        assertThat(preview.skipped()).as("crlf and malformed addresses are skipped").isNotEmpty();
        List<MimeMessage> mails = p.received().subList(before, p.received().size());
        assertThat(mails).hasSize(preview.recipients().size());
        Set<String> invited = new HashSet<>();
        preview.recipients().forEach(r -> invited.add(r.email()));
        for (MimeMessage mail : mails) {
            assertThat(Mails.recipients(mail)).hasSize(1);
            String to = Mails.recipients(mail).get(0);
            assertThat(to).doesNotContainPattern("[\\s,;<>]");
            assertThat(invited).contains(to);
            assertThat(Mails.headerLines(mail)).noneMatch(h -> h.regionMatches(true, 0, "bcc", 0, 3))
                    .noneMatch(h -> h.regionMatches(true, 0, "x-injected", 0, 10));
            String subject = HostilePortal.header(mail, "Subject");
            assertThat(subject).doesNotContainPattern("[\\r\\n]");
        }
    }
}
