package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The browser tests find an installed Chrome or Chromium: the environment first, then the PATH")
class ChromeLocatorTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    @Test
    void theEnvironmentVariablesChooseTheBrowserAndTheDriver() throws Exception {
        Path chrome = executable("my-chrome");
        Path driver = executable("my-driver");

        ChromeLocator locator = new ChromeLocator(Map.of("CHROME_BIN", chrome.toString(), "CHROMEDRIVER", driver.toString()),
                Map.of());

        assertThat(locator.browser()).contains(chrome);
        assertThat(locator.driver()).contains(driver);
    }

    @Test
    void aChosenPathThatIsNotThereIsRefusedNotReplacedByAnotherBrowser() {
        ChromeLocator locator = new ChromeLocator(Map.of("CHROME_BIN", dir.resolve("absent").toString(), "PATH", "/usr/bin"),
                Map.of());

        assertThat(locator.browser()).isEmpty();
        assertThat(locator.howToInstall()).contains("CHROME_BIN", "CHROMEDRIVER", "apt-get install -y chromium chromium-driver");
    }

    @Test
    void withoutAChoiceAGoogleChromeOrChromedriverOnThePathIsFound() throws Exception {
        Path chrome = executable("google-chrome");
        Path driver = executable("chromedriver");
        // Only where the usual places hold none (on CI Debian's /usr/bin/chromium comes first).
        ChromeLocator locator = new ChromeLocator(Map.of("PATH", dir.toString()), Map.of());

        assertThat(locator.browser()).hasValueSatisfying(found -> assertThat(found.equals(chrome)
                || ChromeLocator.BROWSERS.contains(found.toString())).isTrue());
        assertThat(locator.driver()).hasValueSatisfying(found -> assertThat(found.equals(driver)
                || ChromeLocator.DRIVERS.contains(found.toString())).isTrue());
    }
}
