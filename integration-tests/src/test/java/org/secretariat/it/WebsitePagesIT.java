package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The website's staff pages in a real browser (Debian's Chromium, headless) against the distribution
 * started with {@code bin/secretariat}, the website module installed over REST. A Specialist creates a
 * page, writes its English text with a Markdown link and a script payload, previews it (the link is
 * there, the payload is text and never runs), publishes it and the public page shows it to anyone;
 * the page is moved down in the menu (the public menu follows), a move on an order someone changed
 * meanwhile is refused and the list reloaded with a message, and a page with a page below it is not
 * deleted (the server's reason shown). A news item is created, written, previewed and published and
 * appears on /en/news. An Assistant may write but is offered no Publish; a Director switches the
 * theme to sober and the public pages' stylesheet follows. Every page passes axe-core and the console
 * stays free of errors. Screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsitePagesIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String SPECIALIST = "specialist-website";
    private static final String ASSISTANT = "assistant-website";
    private static final String DIRECTOR = "director-website";
    private static final String PASSWORD = "website pages password 2";
    private static final String SLUG = "about-the-convention";
    private static final String TITLE = "About the Convention";
    private static final String LINK = "https://www.clusterconvention.org/the-convention/";
    /** Raw HTML in Markdown is escaped by the renderer; were it not, each of these would set the flag. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYLOAD = "<script>window.__websitePayloadRan = true</script>"
            + " <img src=x onerror=\"window.__websitePayloadRan = true\">";

    private int port;
    private Distribution platform;
    private Http admin;
    private Http anonymous;
    private StaffBrowser staff;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String base;
    private long pageId;

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("website-pages-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        anonymous = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer installed = admin.post("/api/platform/modules/website/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        newUser(SPECIALIST, "Website Specialist", "SPECIALIST");
        newUser(ASSISTANT, "Website Assistant", "ASSISTANT");
        newUser(DIRECTOR, "Website Director", "DIRECTOR");

        base = "http://127.0.0.1:" + port;
        staff = StaffBrowser.start(folder.resolve("browser-profile"));
        browser = staff.driver;
        wait = staff.wait;
        logIn(SPECIALIST);
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

    @Test
    @Order(1)
    void aSpecialistCreatesAPageWritesPreviewsAndPublishesIt() throws Exception {
        navigate("website-pages");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] .empty")));
        staff.assertAccessible("website pages, empty");
        click(By.cssSelector(".page[data-page=website-pages] button.new-page"));
        WebElement slug = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".new-page-form input[name=slug]")));
        slug.sendKeys("Not A Slug");
        browser.findElement(By.cssSelector(".new-page-form button[type=submit]")).click();
        WebElement slugError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".new-page-form .field-error:not([hidden])")));
        assertTrue(slugError.getText().startsWith("slug must be lower-case"), "the API's refusal beside the field: " + slugError.getText());
        slug.clear();
        slug.sendKeys(SLUG);
        browser.findElement(By.cssSelector(".new-page-form button[type=submit]")).click();

        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] form.text-editor")));
        pageId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#/website-pages/(\\d+).*", "$1"));
        assertEquals("en", editor.getAttribute("lang"), "the first working language's tab is open");
        assertEquals(List.of("en", "fr", "es"), browser.findElements(By.cssSelector(".language-tabs a.tab")).stream()
                .map(tab -> tab.getAttribute("data-language")).collect(Collectors.toList()), "a tab per working language");
        assertTrue(browser.findElements(By.cssSelector(".text-actions button.publish")).isEmpty(), "nothing to publish before a text is saved");
        editor.findElement(By.name("title")).sendKeys(TITLE);
        editor.findElement(By.name("summary")).sendKeys("What the Convention asks of its States Parties.");
        editor.findElement(By.name("body")).sendKeys("Read [the text of the Convention](" + LINK + ") in full.\n\n" + PAYLOAD + "\n\n## Obligations\n\n- destroy stockpiles\n");
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".language-versions .text-state"), "Draft"));
        assertEquals(TITLE, browser.findElement(By.cssSelector(".page[data-page=website-pages] h1")).getText());

        click(By.cssSelector(".text-actions button.preview"));
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".text-preview .preview-body a")));
        assertEquals("the text of the Convention", link.getText());
        assertEquals(LINK, link.getAttribute("href"));
        WebElement preview = browser.findElement(By.cssSelector(".text-preview .preview-body"));
        assertTrue(preview.getText().contains("<script>window.__websitePayloadRan = true</script>"), "the payload is shown as text: " + preview.getText());
        assertTrue(preview.findElements(By.cssSelector("script, img, [onerror]")).isEmpty(), "no element of the payload in the preview");
        assertEquals("Obligations", preview.findElement(By.tagName("h2")).getText());
        assertEquals(TITLE, browser.findElement(By.cssSelector(".text-preview .preview-title")).getText());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__websitePayloadRan;"), "the payload never ran");
        assertEquals(404, anonymous.get("/en/" + SLUG).status, "a draft is not on the site");
        staff.screenshot("website-01-page-preview");
        staff.assertAccessible("a page's English text with its preview");

        click(By.cssSelector(".text-actions button.publish"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".language-versions .text-state"), "Published by " + SPECIALIST));
        WebElement view = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".text-actions a.view-on-site")));
        assertEquals(base + "/en/" + SLUG, view.getAttribute("href"));
        assertTrue(browser.findElement(By.cssSelector(".language-tabs a[data-language=en]")).getText().contains("Published"));

        Http.Answer page = publicly("/en/" + SLUG, answer -> answer.status == 200);
        assertEquals(200, page.status, page::toString);
        assertTrue(page.body.contains("<h1>" + TITLE + "</h1>") || page.body.contains(TITLE), page.body);
        assertTrue(page.body.contains("<a href=\"" + LINK + "\""), "the link is on the public page");
        assertTrue(page.body.contains("&lt;script&gt;window.__websitePayloadRan"), "the payload is text on the public page");
        assertFalse(page.body.contains("<script>window") || page.body.contains("onerror="), "and never markup");
        browser.get(base + "/en/" + SLUG);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main#main")));
        assertTrue(browser.findElement(By.cssSelector("main#main")).getText().contains("Read the text of the Convention in full."));
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__websitePayloadRan;"), "the payload never ran on the site");
        staff.screenshot("website-02-public-page");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void aPageIsMovedDownInTheMenuAndTheSiteFollows() throws Exception {
        long contact = createPublishedPage(null, "contact", "Contact the Unit");
        assertEquals(List.of(SLUG, "contact"), slugsInOrder(), "the new page comes last");

        navigate("website-pages");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] tbody tr")));
        assertEquals(String.valueOf(pageId), first.getAttribute("data-page-id"));
        assertFalse(first.findElement(By.cssSelector("button.move-up")).isEnabled(), "the first page cannot go up");
        staff.screenshot("website-03-tree");
        staff.assertAccessible("the tree of pages");
        click(By.cssSelector(".page[data-page=website-pages] tr[data-page-id='" + pageId + "'] button.move-down"));
        wait.until(d -> String.valueOf(contact).equals(firstRow()));
        assertEquals(List.of("contact", SLUG), slugsInOrder(), "one PUT of menuOrder moved it");
        String home = publicly("/en/", answer -> answer.body.indexOf(">Contact the Unit</a>") < answer.body.indexOf(">" + TITLE + "</a>")).body;
        assertTrue(home.indexOf(">Contact the Unit</a>") < home.indexOf(">" + TITLE + "</a>"), "the site's menu follows: " + home);

        // Someone changes the order meanwhile: the move is refused (409), and the list shows the order as it is now.
        JsonNode about = admin.get("/api/website/pages/" + pageId).json;
        assertEquals(200, admin.put("/api/website/pages/" + pageId, "{\"slug\":\"" + SLUG + "\",\"parent\":null,\"inMenu\":true,\"menuOrder\":1,"
                + "\"version\":" + about.get("version").asInt() + "}").status);
        click(By.cssSelector(".page[data-page=website-pages] tr[data-page-id='" + pageId + "'] button.move-up"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notifications"), "Someone else changed these pages meanwhile"));
        wait.until(d -> String.valueOf(pageId).equals(firstRow()));
        assertEquals(List.of(SLUG, "contact"), slugsInOrder(), "nothing of the refused move was written");

        // A page with a page below it stays; the server says why.
        long history = createPublishedPage(pageId, "history", "History");
        navigate("website-pages");
        WebElement child = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] tr[data-page-id='" + history + "'] .tree-entry")));
        assertTrue(child.getAttribute("class").contains("depth-1"), "indented below its parent");
        assertEquals("/" + SLUG + "/history", child.findElement(By.cssSelector(".page-path")).getText());
        click(By.cssSelector(".page[data-page=website-pages] tr[data-page-id='" + pageId + "'] button.delete-page"));
        click(By.cssSelector("dialog[open] button.danger"));
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] > .form-error:not([hidden])")));
        assertTrue(refused.getText().contains("page(s) below it"), refused.getText());
        assertEquals(200, admin.get("/api/website/pages/" + pageId).status, "still there");
        staff.assertAccessible("the tree with a refused deletion");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void aNewsItemIsCreatedPublishedAndListedOnTheSite() throws Exception {
        navigate("website-news");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-news] .paged-table")));
        click(By.cssSelector(".page[data-page=website-news] button.new-news"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".new-news-form input[name=date]")));
        staff.assertAccessible("news with the new item's form");
        browser.findElement(By.cssSelector(".new-news-form button[type=submit]")).click();
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-news] form.text-editor")));
        editor.findElement(By.name("title")).sendKeys("Review Conference dates announced");
        editor.findElement(By.name("body")).sendKeys("The **Review Conference** meets in Geneva. " + PAYLOAD);
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".language-versions .text-state"), "Draft"));
        click(By.cssSelector(".text-actions button.preview"));
        WebElement strong = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".text-preview .preview-body strong")));
        assertEquals("Review Conference", strong.getText());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.__websitePayloadRan;"));
        click(By.cssSelector(".text-actions button.publish"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".language-versions .text-state"), "Published"));
        staff.screenshot("website-04-news-item");
        staff.assertAccessible("a news item");

        Http.Answer news = publicly("/en/news", answer -> answer.body.contains("Review Conference dates announced"));
        assertEquals(200, news.status);
        assertTrue(news.body.contains("Review Conference dates announced"), news.body);
        navigate("website-news");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-news] tbody tr")));
        assertTrue(row.getText().contains("Review Conference dates announced") && row.getText().contains("Published"), row.getText());
        staff.assertAccessible("the news list");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void anAssistantWritesButIsOfferedNoPublish() throws Exception {
        logOut();
        logIn(ASSISTANT);
        navigate("website-pages/" + pageId + "/en");
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-pages] form.text-editor")));
        assertEquals(TITLE, editor.findElement(By.name("title")).getAttribute("value"));
        assertTrue(browser.findElements(By.cssSelector(".text-actions button.publish, .text-actions button.unpublish")).isEmpty(),
                "no Publish nor Unpublish without website.content.publish");
        assertTrue(browser.findElement(By.cssSelector(".no-publish")).isDisplayed());
        assertTrue(browser.findElements(By.cssSelector("nav.sidebar a[data-page=website-theme]")).isEmpty(), "no theme page without website.theme.write");

        // Someone saves the English text while the Assistant edits it: the Assistant's save is refused (409),
        // the page shows the text as it is now and keeps what the Assistant typed aside.
        editor.findElement(By.name("body")).sendKeys(" An addition.");
        JsonNode english = admin.get("/api/website/pages/" + pageId).json.get("texts").get(0);
        assertEquals(200, admin.put("/api/website/pages/" + pageId + "/texts/en", JSON.writeValueAsString(Map.of(
                "title", english.get("title").asText(), "summary", english.get("summary").asText(), "body", english.get("body").asText(),
                "version", english.get("version").asInt()))).status);
        editor.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notifications"), "Someone else saved this text meanwhile"));
        WebElement unsaved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".language-versions .unsaved textarea")));
        assertTrue(unsaved.getAttribute("value").endsWith(" An addition."), unsaved.getAttribute("value"));
        assertEquals(english.get("body").asText(), browser.findElement(By.cssSelector("form.text-editor textarea[name=body]")).getAttribute("value"),
                "the editor holds the text as saved now");
        staff.assertAccessible("a page after a refused save");

        // The French version, written by the Assistant, stays a draft until someone who may publishes it.
        click(By.cssSelector(".language-tabs a[data-language=fr]"));
        WebElement french = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.text-editor[lang=fr]")));
        french.findElement(By.name("title")).sendKeys("À propos de la Convention");
        french.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".language-versions .text-state"), "Draft"));
        assertTrue(browser.findElements(By.cssSelector(".text-actions button.publish")).isEmpty());
        staff.screenshot("website-05-assistant");
        staff.assertAccessible("a page as the Assistant sees it");
        assertEquals(403, new HttpAs(ASSISTANT).post("/api/website/pages/" + pageId + "/texts/fr/publish", "").status, "the server refuses anyway");
        staff.assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aDirectorSwitchesTheThemeToSober() throws Exception {
        logOut();
        logIn(DIRECTOR);
        assertTrue(stylesheetOf("/en/" + SLUG).startsWith("/theme/civic/theme.css"), "civic by default");
        navigate("website-theme");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".page[data-page=website-theme] table")));
        assertTrue(browser.findElement(By.cssSelector(".page[data-page=website-theme] .active-theme")).getText().startsWith("The site wears the theme Civic"),
                browser.findElement(By.cssSelector(".page[data-page=website-theme] .active-theme")).getText());
        staff.assertAccessible("the theme page");
        click(By.cssSelector(".page[data-page=website-theme] button.use-theme[data-theme=sober]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".page[data-page=website-theme] .active-theme"), "Sober"));
        assertTrue(browser.findElements(By.cssSelector(".page[data-page=website-theme] button.use-theme[data-theme=sober]")).isEmpty());
        publicly("/en/" + SLUG, answer -> answer.body.contains("href=\"/theme/sober/theme.css"));
        assertTrue(stylesheetOf("/en/" + SLUG).startsWith("/theme/sober/theme.css"), "the public page wears sober now");
        assertEquals(200, anonymous.get(stylesheetOf("/en/" + SLUG)).status);
        staff.screenshot("website-06-theme");

        // The home page's card: the French draft the Assistant wrote waits for publication.
        navigate("");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard-card[data-card=website-drafts] [data-figure=pages] strong")));
        assertEquals("1", card.getText());
        assertTrue(browser.findElement(By.cssSelector(".dashboard-card[data-card=website-drafts]")).getText().contains(TITLE + " (FR)"));
        staff.assertAccessible("the home page with the website's card");
        staff.assertNoConsoleErrors();
    }

    /**
     * A public page as an anonymous visitor gets it once it shows a change: the site's cache is emptied by
     * the change's event, delivered asynchronously, so within moments (the issue allows 5 s).
     */
    private Http.Answer publicly(String path, Predicate<Http.Answer> changed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Http.Answer answer = anonymous.get(path);
        while (!changed.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = anonymous.get(path);
        }
        return answer;
    }

    /** The public page's stylesheet, as an anonymous visitor gets it. */
    private String stylesheetOf(String path) throws Exception {
        Http.Answer page = anonymous.get(path);
        assertEquals(200, page.status, page::toString);
        Matcher link = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"").matcher(page.body);
        assertTrue(link.find(), page.body);
        return link.group(1).replace("&amp;", "&");
    }

    /** A page with a published English text, through the REST API as the administrator. */
    private long createPublishedPage(Long parent, String slug, String title) throws Exception {
        Http.Answer created = admin.post("/api/website/pages", "{\"slug\":\"" + slug + "\",\"parent\":" + parent + "}");
        assertEquals(201, created.status, created::toString);
        long id = created.json.get("id").asLong();
        assertEquals(200, admin.put("/api/website/pages/" + id + "/texts/en", "{\"title\":\"" + title + "\",\"body\":\"Text.\"}").status);
        assertEquals(200, admin.post("/api/website/pages/" + id + "/texts/en/publish", "").status);
        return id;
    }

    /** The id of the first page in the tree as the page shows it now (the list is redrawn after each change). */
    private String firstRow() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const row = document.querySelector('.page[data-page=website-pages] tbody tr'); return row ? row.dataset.pageId : null;");
    }

    /** The top-level pages' slugs in menu order. */
    private List<String> slugsInOrder() throws Exception {
        List<String> slugs = new ArrayList<>();
        for (JsonNode page : admin.get("/api/website/pages").json) {
            if (page.get("parent") == null || page.get("parent").isNull()) {
                slugs.add(page.get("slug").asText());
            }
        }
        return slugs;
    }

    /** A REST client logged in as one of this test's users. */
    private final class HttpAs {
        private final Http http = new Http(port);

        HttpAs(String username) throws Exception {
            assertEquals(200, http.login(username, PASSWORD).status);
        }

        Http.Answer post(String path, String json) throws Exception {
            return http.post(path, json);
        }
    }

    /** A user who has already changed the first password, so the browser logs in straight to the app. */
    private void newUser(String username, String displayName, String role) throws Exception {
        Http.Answer created = admin.post("/api/platform/users", "{\"username\":\"" + username + "\",\"displayName\":\"" + displayName + "\","
                + "\"roles\":[\"" + role + "\"],\"password\":\"first password 1\"}");
        assertEquals(201, created.status, created::toString);
        Http user = new Http(port);
        assertEquals(200, user.login(username, "first password 1").status);
        assertEquals(204, user.post("/api/platform/session/password",
                "{\"currentPassword\":\"first password 1\",\"newPassword\":\"" + PASSWORD + "\"}").status);
    }

    private void logIn(String username) {
        browser.get(base + "/app/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main.login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.sidebar a[data-page=website-pages]")));
    }

    private void logOut() {
        navigate("");
        click(By.cssSelector(".topbar button.logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    }

    /**
     * Clicks a control once it can be. A notification (bottom right, gone after 6 s) may cover one low on
     * the page: as a user would, dismiss it, and scroll the control to the middle.
     */
    private void click(By control) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(control));
        for (WebElement dismiss : browser.findElements(By.cssSelector(".notifications .notification button"))) {
            if (dismiss.isDisplayed()) {
                dismiss.click();
            }
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Opens a page of the app, drawn anew (the same address again would change no hash, so it is reloaded). */
    private void navigate(String page) {
        String address = base + "/app/#/" + page;
        if (address.equals(browser.getCurrentUrl())) {
            browser.navigate().refresh();
        } else {
            browser.get(address);
        }
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
