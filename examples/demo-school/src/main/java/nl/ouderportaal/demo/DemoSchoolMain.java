package nl.ouderportaal.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import nl.ouderportaal.spi.LocalizedText;

/**
 * The README's main command: starts the demo school and shows what the demo guardian sees.
 * Pass {@code --lang=en} for English; the data lives in {@code ./demo-data} (delete it to start over).
 */
public final class DemoSchoolMain {

    private DemoSchoolMain() {
    }

    public static void main(String[] args) throws jakarta.mail.MessagingException, java.io.IOException {
        Locale locale = java.util.Arrays.asList(args).contains("--lang=en") ? Locale.ENGLISH : LocalizedText.DUTCH;
        try (DemoSchool demo = DemoSchool.open(Path.of("demo-data"), Clock.systemUTC())) {
            System.out.println("""

                    Ouderportaal demo school (demo logins, for this demo only)
                      guardian:       %s / %s
                      administrator:  %s / %s (serves OBS De Regenboog only)
                    The web pages come with the web front end; until then this logs in as the guardian and
                    shows what she sees.
                    """.formatted(DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD, DemoSchool.ADMIN_LOGIN,
                    DemoSchool.ADMIN_PASSWORD));
            System.out.println(demo.describeDemoGuardian(locale));
            boolean english = "en".equals(locale.getLanguage());
            demo.writeNewestReportPdf(Path.of("demo-data"), locale).ifPresent(file -> System.out.println(
                    (english ? "Sanne's newest report as the portal prints it: " : "Het nieuwste rapport van Sanne, zoals het portaal het afdrukt: ")
                            + file + "\n"));
            var mails = demo.mailbox().getReceivedMessages();
            if (mails.length > 0) {
                System.out.println(english ? "Demo mailbox (first start: the guardian's invitation and her password confirmation):"
                        : "Demo-postvak (eerste start: de uitnodiging van de verzorger en de bevestiging van haar wachtwoord):");
                for (var mail : mails) {
                    System.out.println("  -> " + String.join(", ", java.util.Arrays.stream(mail.getAllRecipients())
                            .map(Object::toString).toList()) + ": " + mail.getSubject());
                }
            }
        }
    }
}
