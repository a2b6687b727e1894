package nl.ouderportaal.demo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an installed Chrome or Chromium and its chromedriver for the browser tests, never downloading one:
 * first the environment variables {@code CHROME_BIN} and {@code CHROMEDRIVER} (or the system properties
 * {@code chromium.binary} and {@code chromium.driver}), then the usual places on Debian, Ubuntu (snap),
 * Fedora, macOS (Homebrew, /Applications) and Windows, then the {@code PATH}.
 */
final class ChromeLocator {

    static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium", "/opt/google/chrome/chrome",
            "/opt/homebrew/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver", "/snap/bin/chromium.chromedriver", "/usr/local/bin/chromedriver",
            "/opt/homebrew/bin/chromedriver");

    private final Map<String, String> environment;
    private final Map<String, String> properties;

    ChromeLocator(Map<String, String> environment, Map<String, String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    static ChromeLocator ofThisMachine() {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return new ChromeLocator(System.getenv(), properties);
    }

    /** The browser binary, if one is installed where it is looked for. */
    Optional<Path> browser() {
        return find("CHROME_BIN", "chromium.binary", BROWSERS, List.of("chromium", "chromium-browser", "google-chrome"));
    }

    /** The chromedriver, if one is installed where it is looked for. */
    Optional<Path> driver() {
        return find("CHROMEDRIVER", "chromium.driver", DRIVERS, List.of("chromedriver"));
    }

    /** What to do when either is missing, for the failure message. */
    String howToInstall() {
        return "The browser tests need an installed Chrome or Chromium and its chromedriver (found: browser "
                + browser().map(Path::toString).orElse("none") + ", driver " + driver().map(Path::toString).orElse("none")
                + "). Set CHROME_BIN and CHROMEDRIVER to their paths, or install them: on Debian or Ubuntu "
                + "'apt-get install -y chromium chromium-driver' (.ci/run does this), on macOS 'brew install chromium chromedriver'.";
    }

    private Optional<Path> find(String variable, String property, List<String> usual, List<String> onPath) {
        String chosen = environment.getOrDefault(variable, properties.get(property));
        if (chosen != null && !chosen.isBlank()) {
            // An explicit choice is used or refused, never silently replaced by another browser.
            Path path = Path.of(chosen);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        usual.forEach(p -> candidates.add(Path.of(p)));
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                onPath.forEach(name -> candidates.add(Path.of(dir, name)));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
