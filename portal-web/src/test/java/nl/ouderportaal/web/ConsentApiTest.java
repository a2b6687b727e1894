package nl.ouderportaal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.web.AdminWebFixture.Client;
import nl.ouderportaal.web.AdminWebFixture.Response;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Consent through the JSON API: purposes, answers, read-only impersonation, the class list")
class ConsentApiTest {

    private final AdminWebFixture f = new AdminWebFixture();
    private Client admin;
    private String purpose;

    @BeforeEach
    void setUp() {
        f.portal.configuration().activate(AdminWebFixture.SCHOOL, "consent", "test");
        admin = f.staff("beheerder");
        Response added = admin.json("POST", "/api/admin/modules/consent/actions/add-purpose", Map.of(
                "titleNl", "Foto's op de website", "titleEn", "Photos on the website",
                "textNl", "Mogen wij foto's van uw kind op de website plaatsen?", "textEn", "May we publish photos of your child on the website?"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        purpose = added.json().get("reference").asText();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Client anna() {
        Client anna = f.client();
        assertThat(anna.json("POST", "/api/session", Map.of("email", "anna@example.org", "password", AdminWebFixture.PASSWORD))
                .status()).isEqualTo(200);
        return anna;
    }

    private static String effective(Client client, String purpose) {
        JsonNode page = client.get("/api/children/sanne/consent").json();
        for (JsonNode section : page.get("sections")) {
            if (purpose.equals(section.path("anchor").asText())) {
                return section.toString();
            }
        }
        throw new AssertionError("No section " + purpose + " in " + page);
    }

    @Test
    void anAnswerYesThenNoLeavesNoAndTwoEntriesInTheHistory() {
        Client anna = anna();
        assertThat(anna.get("/api/children/sanne/actions").body()).contains("\"answer\"", purpose);

        Response yes = anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "yes"));
        Response no = anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "no"));

        assertThat(yes.status()).as(yes.body()).isEqualTo(201);
        assertThat(no.json().get("effective").asText()).isEqualTo("no");
        assertThat(effective(anna, purpose)).contains("Nee, geen toestemming");
        JsonNode history = admin.get("/api/admin/modules/consent/views/history?child=sanne").json();
        assertThat(history.get("rows")).hasSize(2);
        assertThat(anna.get("/api/children/sanne/consent/sections/history.pdf").status()).isEqualTo(200);
        Response nonsense = anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "misschien"));
        assertThat(nonsense.status()).isEqualTo(400);
    }

    @Test
    void aTextChangeAsksAgain() {
        Client anna = anna();
        anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "yes"));

        Response changed = admin.json("POST", "/api/admin/modules/consent/actions/change-text", Map.of("purpose", purpose,
                "textNl", "Mogen wij foto's en video's plaatsen?", "textEn", "May we publish photos and videos?"));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(effective(anna, purpose)).contains("Nog niet beantwoord", "video's");
        Response stale = anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "version", 1,
                "answer", "yes"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("error").asText()).isEqualTo("conflict");
    }

    @Test
    void beyondThirtyActionsAnHourTheApiAnswers429WithRetryAfterAndStoresNothing() {
        Client anna = anna();
        for (int i = 0; i < 30; i++) {
            Response answered = anna.json("POST", "/api/children/sanne/consent/actions/answer",
                    Map.of("purpose", purpose, "answer", i % 2 == 0 ? "yes" : "no"));
            assertThat(answered.status()).as("answer %d: %s", i + 1, answered.body()).isEqualTo(201);
        }

        Response limited = anna.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "yes"));

        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("rate-limited");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(admin.get("/api/admin/modules/consent/views/history?child=sanne").json().get("rows")).hasSize(30);
        assertThat(effective(anna, purpose)).contains("Nee, geen toestemming");
    }

    @Test
    void anImpersonationGets403ReadOnlyAndNothingIsStored() {
        admin.json("POST", "/api/admin/impersonation", Map.of("guardianId", "anna"));

        Response write = admin.json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "yes"));

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("error").asText()).isEqualTo("read-only");
        assertThat(effective(admin, purpose)).contains("Nog niet beantwoord");
    }

    @Test
    void theTeachersClassListDownloadsAsXlsxWithTheEffectiveAnswers() throws Exception {
        anna().json("POST", "/api/children/sanne/consent/actions/answer", Map.of("purpose", purpose, "answer", "yes"));

        Response xlsx = admin.get("/api/admin/modules/consent/views/class-list.xlsx?group=g5");

        assertThat(xlsx.status()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            for (Row row : book.getSheetAt(0)) {
                row.forEach(cell -> {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    cells.add(cell.getStringCellValue());
                });
            }
        }
        assertThat(cells).contains("Jansen, Sanne", "Groep 5", "Foto's op de website", "ja").doesNotContain("Jansen, Tim");
        assertThat(admin.get("/api/admin/modules/consent/views/class-list.pdf?group=g5").status()).isEqualTo(200);
        assertThat(admin.get("/api/admin/modules/consent/views/class-list?group=g7").json().get("rows").toString())
                .contains("Jansen, Tim", "nee (geen antwoord)");
    }

    @Test
    void theChildPageAsksUnderEachPurposeWithNothingPreselected() {
        Client anna = anna();

        String page = anna.get("/children/sanne/consent").body();

        assertThat(page).contains("Foto's op de website", "Mogen wij foto's van uw kind op de website plaatsen?",
                "name=\"answer\" value=\"yes\"", "name=\"answer\" value=\"no\"", "Nog niet beantwoord (telt als nee)");
        assertThat(page).doesNotContain("checked");
        // The version of the text shown goes along unseen; a parent is not asked for it.
        assertThat(page).contains("<input type=\"hidden\" name=\"version\" value=\"1\">")
                .doesNotContain("type=\"number\"", "Laat leeg: u antwoordt");
    }

    @Test
    void anAnswerFromAPageThatShowedAnEarlierTextIsRefusedAndStoresNothing() {
        Client anna = anna();
        assertThat(anna.get("/children/sanne/consent").body()).contains("name=\"version\" value=\"1\"");
        assertThat(admin.json("POST", "/api/admin/modules/consent/actions/change-text", Map.of("purpose", purpose,
                "textNl", "Mogen wij foto's en video's plaatsen?", "textEn", "May we publish photos and videos?")).status())
                .isEqualTo(200);

        // The form of the page loaded before the change, as the browser posts it.
        Response stale = anna.form("/children/sanne/consent/actions/answer", Map.of("purpose", List.of(purpose),
                "version", List.of("1"), "answer", List.of("yes")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("versie 2");
        assertThat(effective(anna, purpose)).contains("Nog niet beantwoord");
        assertThat(anna.get("/children/sanne/consent").body()).contains("name=\"version\" value=\"2\"");
    }
}
