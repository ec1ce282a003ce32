package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The public site as visitors meet it, in Debian's Chromium against the distribution with contacts,
 * meetings, finance and website installed and content in every part: pages, news, the status of the
 * convention with its map, the status of contributions, a public meeting with its documents, search.
 * Every public page, in both themes, passes axe-core's WCAG 2.1 A/AA rules with no violation and an
 * error-free console; a browser with JavaScript switched off reads every page whole, follows the
 * language switch and the navigation, and searches; payloads stored in a page's, a news item's, a
 * meeting's and a document's title are shown as text and never run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsitePublicIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** Stored in titles; each would set window.__xss if it ever ran. */
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String IMAGE = "<img src=x onerror=\"window.__xss=2\">";
    private static final String SVG = "\"><svg onload=window.__xss=3>";
    private static final int YEAR = Year.now().getValue();

    private Distribution platform;
    private Http admin;
    private Http anonymous;
    private String base;
    private StaffBrowser visitor;
    private StaffBrowser scriptless;
    private final List<String> pages = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("website-public-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        base = "http://127.0.0.1:" + port;
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        anonymous = new Http(port);
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        for (String module : List.of("contacts", "meetings", "finance", "formula-equal", "website")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, this::output);
        content();
        visitor = StaffBrowser.start(folder.resolve("browser"), true);
        scriptless = StaffBrowser.start(folder.resolve("browser-no-script"), false);
    }

    /** Something in every part of the site, with the payloads in the titles. */
    private void content() throws Exception {
        // pages: a parent with English and French, a child in English only (the Spanish page falls back)
        long about = admin.post("/api/website/pages", "{\"slug\":\"about\"}").json.get("id").asLong();
        publish("pages", about, "en", "About the Convention " + SCRIPT, "## What it does\\n\\nIt bans cluster munitions. [News](/en/news)\\n\\n"
                + "| Article | Subject |\\n|---|---|\\n| 3 | Stockpiles |\\n| 4 | Clearance |");
        publish("pages", about, "fr", "À propos de la Convention", "Elle interdit les armes à sous-munitions.");
        long child = admin.post("/api/website/pages", "{\"slug\":\"history\",\"parent\":" + about + "}").json.get("id").asLong();
        publish("pages", child, "en", "History " + IMAGE, "Adopted in Dublin on 30 May 2008.");
        long news = admin.post("/api/website/news", "{\"date\":\"" + LocalDate.now() + "\"}").json.get("id").asLong();
        publish("news", news, "en", "States meet in Geneva " + SVG, "The meeting opened today.");
        // the status of the convention, and of contributions
        assertEquals(200, admin.put("/api/contacts/states/FR/status", "{\"status\":\"STATE_PARTY\",\"instrument\":\"RATIFICATION\","
                + "\"signatureDate\":\"2008-12-03\",\"depositDate\":\"2009-09-25\"}").status);
        assertEquals(200, admin.put("/api/contacts/states/AO/status", "{\"status\":\"SIGNATORY\",\"signatureDate\":\"2008-12-03\"}").status);
        Http director = admin.newUser("DIRECTOR");
        assertEquals(201, director.post("/api/finance/assessments", "{\"year\":" + YEAR + ",\"amount\":2000,\"formula\":\"equal\","
                + "\"rates\":[{\"state\":\"FR\",\"rate\":1},{\"state\":\"AO\",\"rate\":1}]}").status);
        assertEquals(201, director.post("/api/finance/publications?year=" + YEAR, "").status);
        // a public meeting with a payload in its title, an agenda and a published document with one in its own
        Http.Answer meeting = admin.post("/api/meetings", "{\"type\":\"MSP\",\"number\":14,\"title\":\"Fourteenth Meeting " + IMAGE.replace("\"", "\\\"")
                + "\",\"startDate\":\"" + YEAR + "-09-09\",\"endDate\":\"" + YEAR + "-09-12\",\"city\":\"Geneva\",\"publicMeeting\":true}");
        assertEquals(201, meeting.status, meeting::toString);
        long meetingId = meeting.json.get("id").asLong();
        assertEquals(201, admin.post("/api/meetings/" + meetingId + "/agenda", "{\"number\":\"1\",\"title\":\"Opening of the meeting\"}").status);
        Http.Answer document = admin.multipart("/api/meetings/" + meetingId + "/documents", Map.of("title", "Provisional agenda " + SCRIPT,
                "category", "OFFICIAL", "language", "en"), "agenda.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(201, document.status, document::toString);
        assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + document.json.get("id").asLong() + "/publish", "{}").status);

        pages.addAll(List.of("/", "/en/", "/fr/", "/es/", "/en/about", "/fr/about", "/es/about", "/en/about/history", "/en/news",
                "/en/news/" + news, "/en/search?q=Convention", "/en/search?q=agenda", "/en/status", "/fr/status", "/en/contributions",
                "/en/meetings", "/en/meetings/" + meetingId, "/fr/meetings/" + meetingId, "/en/no-such-page"));
    }

    private void publish(String kind, long id, String language, String title, String body) throws Exception {
        String json = "{\"title\":\"" + title.replace("\"", "\\\"") + "\",\"summary\":\"A summary\",\"body\":\"" + body + "\"}";
        Http.Answer written = admin.put("/api/website/" + kind + "/" + id + "/texts/" + language, json);
        assertEquals(200, written.status, written::toString);
        assertEquals(200, admin.post("/api/website/" + kind + "/" + id + "/texts/" + language + "/publish", "").status);
    }

    @AfterAll
    void stop() throws Exception {
        for (StaffBrowser browser : new StaffBrowser[] {visitor, scriptless}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (platform != null) {
            platform.terminate();
        }
    }

    @Test
    @Order(1)
    void everyPublicPagePassesAxeInBothThemesAndNoStoredPayloadRuns() throws Exception {
        for (String theme : List.of("civic", "sober")) {
            assertEquals(200, admin.put("/api/website/theme", "{\"theme\":\"" + theme + "\"}").status);
            // the browser may reuse a page for max-age (5 s): a switch shows once that has passed
            Thread.sleep(6000);
            for (String page : pages) {
                visitor.driver.get(base + page);
                visitor.wait.until(driver -> driver.findElement(By.tagName("main")));
                String where = page + " (" + theme + ")";
                visitor.assertAccessible(where);
                assertEquals(null, ((JavascriptExecutor) visitor.driver).executeScript("return window.__xss;"), "a stored payload ran on " + where);
                assertTrue(visitor.driver.findElements(By.cssSelector("main script, main img[src=x], main svg[onload]")).isEmpty(),
                        "no payload became markup on " + where);
                assertTrue(visitor.driver.findElements(By.cssSelector("link[rel=stylesheet][href^='/theme/" + theme + "/']")).size() == 1, where);
                visitor.screenshot("website" + page.replaceAll("[^a-z0-9]+", "-") + "-" + theme);
            }
        }
        visitor.assertNoConsoleErrors();
        visitor.driver.get(base + "/en/about");
        assertTrue(visitor.driver.findElement(By.tagName("h1")).getText().contains(SCRIPT), "the payload is shown as the text it is");
    }

    @Test
    @Order(2)
    void withoutJavaScriptEveryPageIsWholeAndTheSiteIsUsable() throws Exception {
        for (String page : pages) {
            Http.Answer answer = anonymous.get(page);
            assertFalse(answer.body.contains("<script"), page + " needs no script");
            scriptless.driver.get(base + page);
            WebElement main = scriptless.wait.until(driver -> driver.findElement(By.tagName("main")));
            assertFalse(main.getText().isBlank(), page + " has its content without JavaScript");
            assertFalse(scriptless.driver.findElements(By.cssSelector("nav.languages a[hreflang]")).isEmpty(), page + ": the language switch");
        }
        // the language switch, the navigation and the search form work by plain links and a GET form
        scriptless.driver.get(base + "/en/about");
        scriptless.driver.findElement(By.cssSelector("nav.languages a[hreflang=fr]")).click();
        scriptless.wait.until(driver -> driver.getCurrentUrl().endsWith("/fr/about"));
        assertEquals("À propos de la Convention", scriptless.driver.findElement(By.tagName("h1")).getText());
        scriptless.driver.findElement(By.cssSelector("nav.main-nav a[href='/fr/status'], nav a[href='/fr/status']")).click();
        scriptless.wait.until(driver -> driver.getCurrentUrl().endsWith("/fr/status"));
        assertTrue(scriptless.driver.findElement(By.cssSelector("main svg[role=img]")).isDisplayed(), "the map without JavaScript");
        scriptless.driver.get(base + "/en/");
        WebElement query = scriptless.driver.findElement(By.cssSelector("form[role=search] input[name=q]"));
        query.sendKeys("Dublin");
        query.submit();
        scriptless.wait.until(driver -> driver.getCurrentUrl().contains("/en/search?q=Dublin"));
        assertTrue(scriptless.driver.findElement(By.tagName("main")).getText().contains("History"), "the search found the page");
        scriptless.driver.get(base + "/es/about/history");
        assertTrue(scriptless.driver.findElement(By.cssSelector("main .fallback")).getText().contains("inglés"), "the fallback is said");
    }

    private String output() {
        try {
            return platform == null ? "" : platform.output();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
