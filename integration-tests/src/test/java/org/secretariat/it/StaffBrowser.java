package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through its chromedriver (no browser download), with the checks a
 * staff-page test makes: axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is, and a console
 * free of errors (CSP violations included). The same set-up and checks as {@code StaffAppIT}, for the
 * page tests of the modules. Paths can be changed with {@code -Dchromium.binary=... -Dchromedriver.binary=...}.
 */
final class StaffBrowser implements AutoCloseable {

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path screenshots;

    private StaffBrowser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.screenshots = screenshots;
    }

    /** A new browser whose profile lives in {@code profile}; screenshots go to {@code target/screenshots/} (or -Dscreenshots). */
    static StaffBrowser start(Path profile) throws IOException {
        return start(profile, true);
    }

    /** The same, with scripts switched off when {@code javascript} is false (a visitor whose browser runs none). */
    static StaffBrowser start(Path profile, boolean javascript) throws IOException {
        ChromeOptions options = new ChromeOptions();
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + Files.createDirectories(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        File chromedriver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        assertTrue(chromedriver.canExecute(), "ChromeDriver not found at " + chromedriver + ": install Debian's chromium and chromium-driver (.ci/run does)");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots", "target/screenshots")));
        return new StaffBrowser(new ChromeDriver(service, options), screenshots);
    }

    void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; answers "rule (impact): elements" per violation. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() throws IOException {
        JavascriptExecutor script = driver;
        if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe !== 'undefined';"))) {
            try (var in = StaffBrowser.class.getResourceAsStream("/axe.min.js")) {
                assertNotNull(in, "axe.min.js on the test class path (com.deque.html.axe-core:selenium)");
                script.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> result = (Map<String, Object>) script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done({passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))}))"
                + ".catch(e => done({passes: 0, violations: ['axe failed: ' + e]}));");
        assertTrue(((Number) result.get("passes")).intValue() > 0, () -> "axe ran no rule: " + result);
        return (List<String>) result.get("violations");
    }

    void assertAccessible(String where) throws IOException {
        List<String> violations = accessibilityViolations();
        assertTrue(violations.isEmpty(), () -> "axe-core WCAG 2.1 A/AA violations on " + where + ": " + violations);
    }

    /** Script errors and CSP violations show in the browser's console; none is expected (a 4xx the page expects aside). */
    void assertNoConsoleErrors() {
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // A 4xx the page expects (a validation error, a conflict) is logged by Chromium as a failed resource.
                .filter(message -> !message.contains("the server responded with a status of 4"))
                .collect(Collectors.toList());
        assertTrue(problems.isEmpty(), () -> "browser console errors: " + problems);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
