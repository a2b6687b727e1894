package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo mailbox")
class DemoMailboxTest {

    @Test
    @DisplayName("26. a link at the end of a sentence is listed without the sentence's full stop")
    void linksLoseTheSentencesPunctuation() {
        assertThat(DemoWeb.links("Daarna logt u in op http://localhost:8080/. Of http://localhost:8080/activate?token=abc,"
                + " (zie http://localhost:8080/login)"))
                .containsExactly("http://localhost:8080/", "http://localhost:8080/activate?token=abc", "http://localhost:8080/login");
    }

    @Test
    @DisplayName("26. lists every mail newest first, whoever it was for, and can be cleared")
    void newestFirstAndClearable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work) throws Exception {
        try (DemoWeb web = DemoWeb.start(DemoSchool.open(work.resolve("data"), java.time.Clock.systemUTC(),
                java.net.URI.create("http://localhost/")), "127.0.0.1", 0)) {
            web.clearMailbox();
            var smtp = web.school().mailbox().getSmtp().getServerSetup();
            for (String to : java.util.List.of("zeta@example.org", "alfa@example.org", "zeta@example.org")) {
                com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(to, "portal@example.org", "aan " + to + " "
                        + System.nanoTime(), "tekst", smtp);
                Thread.sleep(20);
            }
            var mails = web.mails();
            assertThat(mails).extracting(DemoWeb.Mail::to)
                    .containsExactly("zeta@example.org", "alfa@example.org", "zeta@example.org");
            assertThat(mails.get(0).subject()).isNotEqualTo(mails.get(2).subject());
            assertThat(Long.parseLong(mails.get(0).subject().replaceAll(".* ", "")))
                    .isGreaterThan(Long.parseLong(mails.get(2).subject().replaceAll(".* ", "")));

            web.clearMailbox();
            assertThat(web.mails()).isEmpty();
        }
    }
}
