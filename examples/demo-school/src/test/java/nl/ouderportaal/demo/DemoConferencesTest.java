package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.ouderportaal.core.account.LoginResult;
import nl.ouderportaal.core.action.ActionResult;
import nl.ouderportaal.core.action.OfferedAction;
import nl.ouderportaal.core.guardian.Viewer;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.StudentId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo school's parents' evening")
class DemoConferencesTest {

    @TempDir
    Path work;

    @Test
    void aNewUserBooksSanneAConversationAtOnceAndTheMailboxShowsTheCalendarFile() throws Exception {
        try (DemoWeb web = DemoWeb.start(DemoSchool.open(work.resolve("data"), Clock.systemUTC(), URI.create("http://localhost/")),
                "127.0.0.1", 0)) {
            DemoSchool demo = web.demo();
            GuardianId mother = GuardianId.of(DemoSchoolGenerator.DEMO_GUARDIAN);
            StudentId sanne = StudentId.of(DemoSchoolGenerator.SANNE);
            OfferedAction book = demo.portal().actions().find(Viewer.guardian(mother), sanne, "conferences", "book").orElseThrow();
            assertThat(book.available()).as(String.valueOf(book.reason())).isTrue();
            String slot = book.form().fields().get(0).choices().get(0).value();

            String token = ((LoginResult.Success) demo.portal().authentication()
                    .login(DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD)).sessionToken();
            ActionResult booked = demo.portal().actions().run(demo.portal().authentication().writePermit(token), sanne,
                    "conferences", "book", Map.of("slot", slot)).orElseThrow();
            assertThat(booked.created()).isTrue();

            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<DemoWeb.Attachment> files = List.of();
            while (files.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(200);
                files = web.mails().stream().filter(m -> m.subject().startsWith("Gesprek gepland")).flatMap(m -> m.attachments().stream())
                        .toList();
            }
            assertThat(files).singleElement().satisfies(file -> {
                assertThat(file.name()).isEqualTo("gesprek.ics");
                assertThat(file.type()).startsWith("text/calendar");
                assertThat(file.text()).contains("BEGIN:VEVENT", "TZID=Europe/Amsterdam", "METHOD:REQUEST");
            });
            String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                    + "/demo/mailbox.json")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(json).contains("\"attachments\":[{\"name\":\"gesprek.ics\"", "BEGIN:VCALENDAR");
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
                    + "/demo/mailbox")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Bijlagen / Attachments", "gesprek.ics");
        }
    }
}
