package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

@DisplayName("The demo school in a real browser (headless Chromium)")
class DemoInTheBrowserTest {

    @TempDir
    static Path work;
    private static DemoWeb demo;
    private static Browser browser;
    private static String base;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        demo = DemoWeb.start(DemoSchool.open(work.resolve("data"), Clock.systemUTC(), URI.create(base + "/")), "127.0.0.1", port);
        browser = new Browser(work);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @BeforeEach
    void freshBrowserSession() {
        browser.driver.manage().deleteAllCookies();
        browser.resize(1280, 900);
    }

    private static void open(String path) {
        browser.driver.get(base + path);
    }

    private static String h1() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    /** After a click the next page may still be loading: wait for its heading. */
    private static void waitForHeading(String heading) {
        waitUntilScriptReturns("const h = document.querySelector('h1'); return h ? h.innerText.trim() : null;",
                heading::equals, "heading " + heading);
    }

    /** After a form is sent, wait for the next page's status message and return it. */
    private static String waitForStatus(String expectedPart) {
        return waitUntilScriptReturns(
                "const s = document.querySelector('[role=status]'); return s ? s.innerText.trim() : null;",
                text -> text.contains(expectedPart), "status message with " + expectedPart);
    }

    /**
     * Evaluates the script until its answer passes. Each read is one script call, because the page may be
     * replaced between finding an element and reading it (a stale element); failed reads are retried.
     */
    private static String waitUntilScriptReturns(String script, java.util.function.Predicate<String> accepted,
                                                 String what) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .withMessage("waiting for " + what)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    Object value = browser.driver.executeScript(script);
                    return value instanceof String text && accepted.test(text) ? text : null;
                });
    }

    private static void logInAsTheDemoGuardian() {
        open("/login");
        browser.driver.findElement(By.id("email")).sendKeys(DemoSchool.GUARDIAN_LOGIN);
        browser.driver.findElement(By.id("password")).sendKeys(DemoSchool.GUARDIAN_PASSWORD);
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForHeading("Startpagina");
    }

    private static void assertAccessible(String page) {
        assertThat(browser.accessibilityViolations()).as("WCAG 2.1 A/AA violations on %s", page).isEmpty();
    }

    @Test
    void theGuardianLogsInAndEveryPageSheCanReachIsAccessible() {
        open("/login");
        assertAccessible("login");
        logInAsTheDemoGuardian();
        assertThat(h1()).isEqualTo("Startpagina");
        assertThat(browser.driver.findElement(By.cssSelector(".menu")).getText()).contains("Sanne", "Daan").doesNotContain("Lotte");
        assertAccessible("dashboard");

        List<String> childPages = browser.driver.findElements(By.cssSelector(".child-menu a")).stream()
                .map(a -> a.getDomProperty("href")).toList();
        assertThat(childPages).hasSizeGreaterThan(8).anyMatch(href -> href.endsWith("/children/s-sanne/reports"))
                .anyMatch(href -> href.endsWith("/children/s-daan/absences"));
        for (String page : childPages) {
            browser.driver.get(page);
            assertThat(browser.driver.getTitle()).as(page).doesNotContain("Niet gevonden", "Er ging iets mis");
            assertThat(browser.driver.findElements(By.cssSelector("section.card"))).as(page).isNotEmpty();
            assertAccessible(page);
        }
        for (String page : List.of("/profile", "/school", "/children/s-sanne/corrections", "/dashboard?kind=absences")) {
            open(page);
            assertThat(browser.driver.getTitle()).as(page).doesNotContain("Niet gevonden", "Er ging iets mis");
            assertAccessible(page);
        }
        open("/children/s-lotte/absences");
        assertThat(h1()).isEqualTo("Niet gevonden");
    }

    @Test
    void theAccessibilityCheckItselfCatchesAnImageWithoutAlternativeText() {
        open("/login");
        browser.driver.executeScript("const img = document.createElement('img'); img.src = '/static/none.png';"
                + "document.querySelector('main').appendChild(img);");

        assertThat(browser.accessibilityViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt"));
    }

    @Test
    void anEarlierSchoolYearIsChosenOnThePageAndAReportDownloadsAsAPdf() throws Exception {
        logInAsTheDemoGuardian();
        open("/children/s-sanne/reports");
        List<String> years = new Select(browser.driver.findElement(By.id("schoolYear"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertThat(years).hasSizeGreaterThan(1);

        WebElement pdfLink = null;
        for (String year : years) {
            new Select(browser.driver.findElement(By.id("schoolYear"))).selectByVisibleText(year);
            browser.driver.findElement(By.cssSelector("form.year button")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("schoolYear=" + year));
            List<WebElement> links = browser.driver.findElements(By.cssSelector("a[href*='/pdf/']"));
            if (!links.isEmpty()) {
                pdfLink = links.get(0);
                break;
            }
        }
        assertThat(pdfLink).as("a locked report with a PDF link in some school year").isNotNull();
        pdfLink.click();

        Path pdf = new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> newestPdf().orElse(null));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Sanne");
        }
    }

    private static Optional<Path> newestPdf() {
        try (Stream<Path> files = Files.list(browser.downloads)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Test
    void theGuardianRepliesToANoteAndTheReplyLandsInTheSchoolsRecords() {
        logInAsTheDemoGuardian();
        open("/children/s-sanne/notes");
        WebElement reply = browser.driver.findElement(By.cssSelector("form.reply textarea"));
        reply.sendKeys("Dank voor het bericht, we komen graag.");
        reply.findElement(By.xpath("./ancestor::form//button")).click();

        assertThat(waitForStatus("verstuurd")).isEqualTo("Uw reactie is verstuurd naar de school.");
        assertThat(sisNotes("Dank voor het bericht, we komen graag.")).isOne();
    }

    private static int sisNotes(String text) {
        return Jdbi.create("jdbc:h2:file:" + work.resolve("data").resolve("sis").toAbsolutePath(), "sis", "")
                .withHandle(h -> h.createQuery("select count(*) from note where text = :t").bind("t", text)
                        .mapTo(Integer.class).one());
    }

    @Test
    void theGuardianSendsAChangeRequestWithTheEditPencilAndTheSchoolGetsAMail() {
        logInAsTheDemoGuardian();
        open("/children/s-sanne/about");
        browser.driver.findElement(By.partialLinkText("Wijziging doorgeven")).click();
        WebElement place = browser.driver.findElement(By.id("f-birthPlace"));
        place.clear();
        place.sendKeys("Amersfoort");
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();

        assertThat(waitForStatus("verstuurd")).isEqualTo("Uw verzoek is verstuurd naar de school.");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> demo.mails().stream()
                .anyMatch(m -> m.to().contains("administratie@regenboog.example.org") && m.text().contains("Amersfoort")));
    }

    private static void logInAsTheAdministrator() {
        open("/admin/login");
        browser.driver.findElement(By.id("username")).sendKeys(DemoSchool.ADMIN_LOGIN);
        browser.driver.findElement(By.id("password")).sendKeys(DemoSchool.ADMIN_PASSWORD);
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForHeading("Instellingen");
    }

    @Test
    void theAdministratorInvitesAGuardianWhoFollowsTheMailFromTheDemoMailboxToAFirstLogin() {
        var invitee = demo.school().portal().accountOverview().list(DemoSchool.ADMIN,
                        nl.ouderportaal.spi.SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL), nl.ouderportaal.core.admin.OverviewFilter.ALL)
                .stream().filter(g -> g.status() == nl.ouderportaal.core.account.AccountStatus.NONE
                        && g.email() != null && !g.email().isBlank()).findFirst().orElseThrow();
        logInAsTheAdministrator();
        open("/admin/guardians?email=" + java.net.URLEncoder.encode(invitee.email(), java.nio.charset.StandardCharsets.UTF_8));
        browser.driver.findElement(By.id("select-" + invitee.guardian().value())).click();
        browser.driver.findElement(By.cssSelector("button[form=bulk]")).click();
        waitForHeading("Inloggegevens versturen: bevestigen");
        assertThat(demo.mails()).noneMatch(m -> m.to().contains(invitee.email()));
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();

        String invitation = new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> demo.mails().stream()
                .filter(m -> m.to().contains(invitee.email())).flatMap(m -> m.links().stream())
                .filter(l -> l.contains("/activate?token=")).findFirst().orElse(null));
        open("/demo/mailbox");
        WebElement link = browser.driver.findElement(By.cssSelector("a[href='" + invitation + "']"));
        assertAccessible("demo mailbox");
        link.click();
        waitForHeading("Account activeren");
        assertAccessible("activate");
        browser.driver.findElement(By.id("password")).sendKeys("mijn eigen nieuwe wachtwoord");
        browser.driver.findElement(By.id("repeat")).sendKeys("mijn eigen nieuwe wachtwoord");
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForStatus("opgeslagen");

        open("/login");
        browser.driver.findElement(By.id("email")).sendKeys(invitee.email());
        browser.driver.findElement(By.id("password")).sendKeys("mijn eigen nieuwe wachtwoord");
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForHeading("Startpagina");
    }

    @Test
    void anAdministratorLoggedInAsTheGuardianSeesABannerAndAWriteIsRefusedAndNothingSent() {
        logInAsTheAdministrator();
        open("/admin/guardians?email=" + DemoSchool.GUARDIAN_LOGIN);
        browser.driver.findElement(By.cssSelector("details summary")).click();
        browser.driver.findElement(By.xpath("//form[contains(@action, '/impersonate')]//button")).click();
        waitForHeading("Startpagina");
        assertThat(browser.driver.findElement(By.cssSelector(".banner")).getText()).contains(DemoSchool.ADMIN_NAME);
        assertAccessible("dashboard during an impersonation");

        open("/children/s-sanne/notes");
        assertThat(browser.driver.findElements(By.cssSelector("form.reply"))).as("no reply form while impersonating").isEmpty();
        // A write sent anyway (a form kept open from before, say) is refused with the seed's message.
        browser.driver.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/children/s-sanne/corrections';
                form.innerHTML = '<input name="_csrf" value="' + document.querySelector('input[name=_csrf]').value + '">'
                    + '<input name="birthPlace" value="Zwolle">';
                document.body.appendChild(form);
                form.submit();""");
        waitForHeading("Alleen bekijken");
        assertThat(browser.driver.findElement(By.cssSelector("main")).getText())
                .contains("Let op: aangezien je bent ingelogd als applicatiebeheerder zullen je wijzigingen niet worden opgeslagen of verzonden.");
        assertThat(demo.mails()).noneMatch(m -> m.text().contains("Zwolle"));

        browser.driver.findElement(By.cssSelector(".banner button")).click();
        waitForHeading("Verzorger accountbeheer");
        open("/dashboard");
        assertThat(browser.driver.getCurrentUrl()).as("the impersonation has ended").endsWith("/login");
    }

    @Test
    void onAPhoneThePagesFitThe360PixelScreenAndAreScreenshotted() {
        logInAsTheDemoGuardian();
        List<Path> shots = new ArrayList<>();
        shots.add(browser.screenshot(SCREENSHOTS.resolve("dashboard-desktop.png")));
        browser.resize(360, 780);
        for (String page : List.of("/dashboard", "/children/s-sanne/absences", "/children/s-sanne/about", "/profile")) {
            open(page);
            long overflow = (Long) browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal scrolling on %s at 360 px", page).isLessThanOrEqualTo(0);
            assertAccessible(page + " at 360 px");
        }
        open("/dashboard");
        shots.add(browser.screenshot(SCREENSHOTS.resolve("dashboard-phone.png")));
        assertThat(shots).allSatisfy(shot -> assertThat(Files.size(shot)).isGreaterThan(10_000));
    }

    @Test
    void theAdministratorLogsInAndEveryAdministrationPageIsAccessibleAlsoOnAPhone() {
        open("/admin/login");
        assertAccessible("admin login");
        browser.driver.findElement(By.id("username")).sendKeys(DemoSchool.ADMIN_LOGIN);
        browser.driver.findElement(By.id("password")).sendKeys(DemoSchool.ADMIN_PASSWORD);
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForHeading("Instellingen");
        // The overview is checked filtered and as a page of the full list (with the pager).
        String guardian = "/admin/guardians/" + DemoSchoolGenerator.DEMO_GUARDIAN;
        List<String> pages = List.of("/admin/settings", "/admin/modules", "/admin/news", "/admin/news/new",
                "/admin/guardians?accountActive=true", "/admin/guardians?page=2", guardian + "/email", guardian + "/deactivate",
                "/admin/audit");
        for (String page : pages) {
            open(page);
            assertThat(browser.driver.getTitle()).as(page).doesNotContain("Niet gevonden", "Er ging iets mis", "Geen toegang");
            assertAccessible(page);
        }

        open("/admin/guardians?accountActive=true");
        browser.driver.findElements(By.cssSelector("input[name=guardianIds]")).forEach(WebElement::click);
        browser.driver.findElement(By.cssSelector("button[form=bulk]")).click();
        waitForHeading("Inloggegevens versturen: bevestigen");
        assertAccessible("bulk invitation confirmation");

        open("/admin/settings");
        WebElement email = browser.driver.findElement(By.id("changeRequestEmail"));
        email.clear();
        email.sendKeys("geen adres");
        browser.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitUntilScriptReturns("const f = document.getElementById('changeRequestEmail');"
                + " return f ? f.getAttribute('aria-invalid') : null;", "true"::equals, "the e-mail field marked invalid");
        assertAccessible("settings with an error");

        browser.resize(360, 780);
        for (String page : pages) {
            open(page);
            long overflow = (Long) browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal scrolling on %s at 360 px", page).isLessThanOrEqualTo(0);
            assertAccessible(page + " at 360 px");
        }
    }
}
