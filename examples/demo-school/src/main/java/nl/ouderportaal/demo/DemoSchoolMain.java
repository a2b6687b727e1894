package nl.ouderportaal.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import nl.ouderportaal.spi.LocalizedText;

/**
 * The README's main command: starts the demo school as a web portal on http://localhost:8080 (port from
 * {@code PORTAL_PORT}, data in {@code PORTAL_DATA_DIR}, default {@code target/demo-data}; delete it to start
 * over) with an SMTP server in the JVM and a demo mailbox page. Pass {@code --lang=en} for English output.
 * It listens on 127.0.0.1 only (its logins are fixed and its mailbox page is open to whoever reaches it), unless
 * {@code PORTAL_HOST} names another address.
 * Runs until stopped with Ctrl-C.
 */
public final class DemoSchoolMain {

    private DemoSchoolMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            // Under exec:java a failed start would otherwise wait silently for the server threads it started.
            System.err.println("The demo school could not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The address to listen on: {@code PORTAL_HOST}, else loopback only. */
    static String listenHost(java.util.Map<String, String> environment) {
        String host = environment.get("PORTAL_HOST");
        return host == null || host.isBlank() ? "127.0.0.1" : host.strip();
    }

    private static void run(String[] args) throws Exception {
        Locale locale = java.util.Arrays.asList(args).contains("--lang=en") ? Locale.ENGLISH : LocalizedText.DUTCH;
        boolean english = "en".equals(locale.getLanguage());
        int port = Integer.parseInt(System.getenv().getOrDefault("PORTAL_PORT", "8080"));
        Path data = Path.of(System.getenv().getOrDefault("PORTAL_DATA_DIR", Path.of("target", "demo-data").toString()));
        Files.createDirectories(data);
        URI url = URI.create("http://localhost:" + port + "/");
        DemoWeb web = DemoWeb.start(DemoSchool.open(data, new DemoClock(Clock.systemUTC()), url), listenHost(System.getenv()), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            stopped.countDown();
        }, "demo-shutdown"));
        web.school().writeNewestReportPdf(data, locale);
        System.out.println((english ? """

                Ouderportaal demo school is running: %s
                  guardian:       %s / %s
                  administrator:  %s / %s (serves OBS De Regenboog; pages at %sadmin)
                  demo mailbox:   %sdemo/mailbox (every mail the portal sends, with its links)
                  demo control:   %sdemo/control (move the clock, lock a report, add a note or absence)
                  API:            %sapi/openapi.json
                  health:         %shealth/ready
                  metrics:        curl -H 'Authorization: Bearer %s' %smetrics
                Data in %s (delete it to start over). Stop with Ctrl-C.
                """ : """

                Ouderportaal-demoschool draait: %s
                  ouder/verzorger:  %s / %s
                  beheerder:        %s / %s (OBS De Regenboog; beheerpagina's op %sadmin)
                  demo-postvak:     %sdemo/mailbox (alle e-mail die het portaal verstuurt, met de links)
                  demo-bediening:   %sdemo/control (klok verzetten, rapport vrijgeven, notitie of absentie toevoegen)
                  API:              %sapi/openapi.json
                  gezondheid:       %shealth/ready
                  metrics:          curl -H 'Authorization: Bearer %s' %smetrics
                Gegevens in %s (verwijder die map om opnieuw te beginnen). Stoppen met Ctrl-C.
                """).formatted(url, DemoSchool.GUARDIAN_LOGIN, DemoSchool.GUARDIAN_PASSWORD, DemoSchool.ADMIN_LOGIN,
                DemoSchool.ADMIN_PASSWORD, url, url, url, url, url, web.school().metricsToken(), url, data.toAbsolutePath()));
        stopped.await();
    }
}
