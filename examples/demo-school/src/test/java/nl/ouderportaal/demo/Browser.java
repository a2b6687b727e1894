package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chrome or Chromium as installed on the machine ({@link ChromeLocator}: CHROME_BIN and
 * CHROMEDRIVER, or the usual paths), driven by Selenium with the binary and driver paths set explicitly (so
 * Selenium never downloads a browser), plus axe-core for the accessibility check. A machine without one
 * fails the browser tests with a message that says what to install or set.
 */
final class Browser implements AutoCloseable {

    private static final ChromeLocator INSTALLED = ChromeLocator.ofThisMachine();
    /** The WCAG 2.1 A and AA rules of axe-core. */
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;
    final Path downloads;
    private final String axe;

    Browser(Path workDirectory) {
        assertThat(INSTALLED.browser().isPresent() && INSTALLED.driver().isPresent()).as(INSTALLED.howToInstall()).isTrue();
        Path chromium = INSTALLED.browser().orElseThrow();
        Path chromedriver = INSTALLED.driver().orElseThrow();
        try {
            downloads = Files.createDirectories(workDirectory.resolve("downloads"));
            Path profile = Files.createDirectories(workDirectory.resolve("chromium-profile"));
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=nl-NL");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "nl-NL,nl"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WCAG 2.1 A/AA violations axe-core finds on the current page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """, WCAG_TAGS);
        return (List<String>) result;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
