package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The expertise pages in a real browser (Debian's Chromium, headless) against the distribution, the
 * expertise module installed over REST. A Specialist opens a request's page: its candidates are ranked
 * as the example says (all three, theme and language, theme only) with their reasons; they
 * record the next step, matching the request with the top candidate, and the page shows it matched with
 * the step in its history. The experts page filters by region; the contracts page shows what is due.
 * axe-core finds no WCAG 2.1 A/AA violation on each, and the console stays free of errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertisePagesIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String SPECIALIST = "specialist-expertise";
    private static final String PASSWORD = "expertise pages password 2";
    private static final String VA = "Victim assistance";

    private int port;
    private Distribution platform;
    private Http admin;
    private StaffBrowser staff;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("expertise-pages-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer installed = admin.post("/api/platform/modules/expertise/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"" + SPECIALIST + "\",\"displayName\":\"Expertise Specialist\","
                + "\"roles\":[\"SPECIALIST\"],\"password\":\"first password 1\"}");
        assertEquals(201, created.status, created::toString);
        Http user = new Http(port);
        assertEquals(200, user.login(SPECIALIST, "first password 1").status);
        assertEquals(204, user.post("/api/platform/session/password",
                "{\"currentPassword\":\"first password 1\",\"newPassword\":\"" + PASSWORD + "\"}").status);

        base = "http://127.0.0.1:" + port;
        staff = StaffBrowser.start(folder.resolve("browser-profile"));
        browser = staff.driver;
        wait = staff.wait;
        browser.get(base + "/app/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(SPECIALIST);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=expertise-requests]")));
    }

    @AfterAll
    void stop() throws Exception {
        if (staff != null) {
            staff.close();
        }
        if (platform != null) {
            platform.terminate();
        }
    }

    private long expert(String name, String language, String region) throws Exception {
        Http.Answer created = admin.post("/api/expertise/experts", "{\"name\":\"" + name + "\",\"themes\":[\"" + VA + "\"],\"languages\":[\"" + language
                + "\"],\"regions\":[\"" + region + "\"],\"kinds\":[\"ADVICE\"],\"consentDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}");
        assertEquals(201, created.status, created::toString);
        return created.json.get("id").asLong();
    }

    @Test
    void aRequestsPageRanksItsCandidatesAndRecordsTheMatch() throws Exception {
        expert("Aïcha Ba", "en", "ASIA");
        expert("Bernard Leroy", "fr", "EUROPE");
        long top = expert("Zoé Ndiaye", "fr", "AFRICA");
        Http.Answer request = admin.post("/api/expertise/requests", "{\"stateIso2\":\"SN\",\"theme\":\"" + VA + "\",\"language\":\"fr\","
                + "\"region\":\"AFRICA\",\"kind\":\"ADVICE\",\"description\":\"National plan\"}");
        assertEquals(201, request.status, request::toString);
        long id = request.json.get("id").asLong();

        navigate("expertise-requests/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=expertise-requests] .request-candidates table")));
        List<String> rows = browser.findElements(By.cssSelector(".page[data-page=expertise-requests] .request-candidates tbody tr")).stream()
                .map(WebElement::getText).map(t -> t.replaceAll("\\s+", " ")).collect(Collectors.toList());
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("1 Zoé Ndiaye") && rows.get(0).contains("95 theme, language, region, kind of help"), rows.toString());
        assertTrue(rows.get(1).startsWith("2 Bernard Leroy") && rows.get(1).contains("75"), rows.toString());
        assertTrue(rows.get(2).startsWith("3 Aïcha Ba") && rows.get(2).contains("50"), rows.toString());
        staff.screenshot("expertise-01-request-candidates");
        staff.assertAccessible("request with its candidates");

        new Select(browser.findElement(By.cssSelector(".page[data-page=expertise-requests] .request-steps select[name=status]"))).selectByValue("MATCHED");
        new Select(browser.findElement(By.cssSelector(".page[data-page=expertise-requests] .request-steps select[name=expertId]")))
                .selectByValue(String.valueOf(top));
        browser.findElement(By.cssSelector(".page[data-page=expertise-requests] .request-steps textarea[name=note]")).sendKeys("Best fit");
        click(By.cssSelector(".page[data-page=expertise-requests] .request-steps button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=expertise-requests] .counts"), "Matched"));
        assertEquals("MATCHED", admin.get("/api/expertise/requests/" + id).json.get("status").asText());
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=expertise-requests] .request-history")).getText().contains("Best fit"));
        assertEquals("CONTACTED", new Select(browser.findElement(By.cssSelector(".page[data-page=expertise-requests] .request-steps select[name=status]")))
                .getFirstSelectedOption().getAttribute("value"), "the usual next step is offered first, going back only when chosen");
        staff.screenshot("expertise-02-request-matched");
        staff.assertAccessible("matched request");

        navigate("experts");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=experts] select[name=region]"))))
                .selectByValue("AFRICA");
        click(By.cssSelector(".page[data-page=experts] form.filters button[type=submit]"));
        wait.until(d -> d.findElements(By.cssSelector(".page[data-page=experts] tbody tr")).size() == 1);
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=experts] tbody tr")).getText().contains("Zoé Ndiaye"));
        staff.assertAccessible("experts filtered by region");

        navigate("consultant-contracts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=consultant-contracts] .contracts p, "
                + ".page[data-page=consultant-contracts] .contracts table")));
        staff.assertAccessible("contracts");
        staff.assertNoConsoleErrors();
        System.out.println("ExpertisePagesIT: a request's candidates ranked in the browser, matched from its page; experts filtered; contracts; "
                + "axe-core clean on 4 views");
    }

    private void click(By control) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(control));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private void navigate(String page) {
        browser.get(base + "/app/#/" + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar")));
    }

    private String output() {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
