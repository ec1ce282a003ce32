package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The website module on the distribution started with {@code bin/secretariat}, installed over REST, as
 * the public and staff meet it: a page written and published in English and French is shown in each,
 * and in English with a visible note for Spanish; {@code /} answers in the language the browser asks
 * for; drafts and unpublished texts are 404 for the public; every public answer carries its validators
 * and a revalidation is a 304; a published change is served within 5 s; robots.txt and the sitemap;
 * news in English only listed in French too; an image linked from a published page downloads byte for
 * byte, one linked from nowhere is 404; only GET and HEAD; the theme switched ten times while four
 * anonymous clients read the site, without one failed request; and after a restart everything is as
 * it was. One platform for the whole class; the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsiteIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** A 1×1 PNG and a 1×1 GIF, as an editor saves them. */
    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    private static final String ES_FALLBACK = "Esta página aún no está disponible en su idioma. Se muestra en:";
    private static final List<String> THEME_LINKS = List.of("<link rel=\"stylesheet\" href=\"/theme/civic/theme.css", "<link rel=\"stylesheet\" href=\"/theme/sober/theme.css");

    private Path folder;
    private Map<String, String> environment;
    private int port;
    private Distribution platform;
    private Http admin;
    private Http staff;
    private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private long mandate;
    private int mandateEnglishVersion;
    private long newsId;
    private String imageUrl;
    private String imageSha256;
    private String loneImageUrl;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("website-" + System.nanoTime()));
        port = PlatformOptions.freePort();
        environment = Distribution.environment(folder.resolve("data"), port);
        platform = Distribution.start(environment, folder.resolve("run.log"));
        admin = new Http(port);
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer installed = admin.post("/api/platform/modules/website/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        staff = admin.newUser("SPECIALIST");
    }

    @AfterAll
    void stop() throws Exception {
        if (platform != null) {
            platform.terminate();
        }
    }

    @Test
    @Order(1)
    void aPageInEnglishAndFrenchIsShownInEachAndInEnglishForSpanish() throws Exception {
        mandate = created(staff.post("/api/website/pages", "{\"slug\":\"mandate\"}"));
        mandateEnglishVersion = publish(mandate, "en", "Our mandate", "The unit supports **States Parties** in English.");
        publish(mandate, "fr", "Notre mandat", "L'unité appuie les États parties en français.");

        HttpResponse<String> english = page("/en/mandate");
        assertEquals(200, english.statusCode(), english::body);
        assertTrue(english.body().contains("<h1>Our mandate</h1>"), english.body());
        assertTrue(english.body().contains("The unit supports <strong>States Parties</strong> in English."), english.body());
        assertEquals("en", header(english, "Content-Language"));
        assertFalse(english.body().contains("class=\"fallback\""), english.body());

        HttpResponse<String> french = page("/fr/mandate");
        assertEquals(200, french.statusCode(), french::body);
        assertTrue(french.body().contains("<h1>Notre mandat</h1>"), french.body());
        assertTrue(french.body().contains("appuie les États parties en français."), french.body());
        assertEquals("fr", header(french, "Content-Language"));
        assertFalse(french.body().contains("class=\"fallback\""), french.body());

        HttpResponse<String> spanish = page("/es/mandate");
        assertEquals(200, spanish.statusCode(), spanish::body);
        assertEquals("es", header(spanish, "Content-Language"));
        assertTrue(spanish.body().contains("<html lang=\"es\">"), spanish.body());
        assertTrue(spanish.body().contains("<h1>Our mandate</h1>"), "the English text: " + spanish.body());
        assertTrue(spanish.body().contains("<article lang=\"en\">"), spanish.body());
        assertTrue(spanish.body().contains("<p class=\"fallback\" role=\"note\">" + ES_FALLBACK), "the note says so: " + spanish.body());
    }

    @Test
    @Order(2)
    void theHomePageAnswersInTheLanguageTheBrowserAsksFor() throws Exception {
        HttpResponse<String> french = page("/", "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5");
        assertEquals(200, french.statusCode(), french::body);
        assertEquals("fr", header(french, "Content-Language"));
        assertTrue(header(french, "Vary").contains("Accept-Language"), french.headers().toString());
        assertTrue(french.body().contains("<html lang=\"fr\">"), french.body());
        assertTrue(french.body().contains("href=\"/fr/mandate\">Notre mandat</a>"), "the French menu: " + french.body());

        HttpResponse<String> unknown = page("/", "Accept-Language", "de-DE");
        assertEquals("en", header(unknown, "Content-Language"), "the default language");
        assertEquals("fr", header(page("/fr/"), "Content-Language"));
        assertEquals("es", header(page("/es/", "Accept-Language", "fr"), "Content-Language"), "the address's language comes first");
    }

    @Test
    @Order(3)
    void draftsAndUnpublishedTextsAreNotFoundForThePublic() throws Exception {
        long draft = created(staff.post("/api/website/pages", "{\"slug\":\"draft-page\"}"));
        Http.Answer written = staff.put("/api/website/pages/" + draft + "/texts/en", "{\"title\":\"Draft\",\"body\":\"Not yet\"}");
        assertEquals(200, written.status, written::toString);
        assertNotFound("/en/draft-page");
        assertNotFound("/fr/draft-page");

        long withdrawn = created(staff.post("/api/website/pages", "{\"slug\":\"withdrawn-page\"}"));
        publish(withdrawn, "en", "Withdrawn soon", "Words");
        assertEquals(200, page("/en/withdrawn-page").statusCode());
        Http.Answer unpublished = staff.post("/api/website/pages/" + withdrawn + "/texts/en/unpublish", "");
        assertEquals(200, unpublished.status, unpublished::toString);
        assertEquals("DRAFT", unpublished.json.get("status").asText());
        assertNotFound("/en/withdrawn-page");
        assertNotFound("/en/no-such-page");
        assertNotFound("/en/mandate/below");
    }

    @Test
    @Order(4)
    void everyPublicAnswerCarriesItsValidatorsAndARevalidationIsA304() throws Exception {
        for (String path : List.of("/", "/en/", "/en/mandate", "/fr/mandate", "/es/mandate", "/en/news", "/en/search?q=mandate", "/robots.txt",
                "/sitemap.xml", "/theme/civic/theme.css")) {
            HttpResponse<String> first = page(path);
            assertEquals(200, first.statusCode(), path);
            String etag = header(first, "ETag");
            String lastModified = header(first, "Last-Modified");
            assertTrue(etag.matches("\"[0-9a-f]+\""), path + " ETag " + etag);
            assertFalse(lastModified.isEmpty(), path + " Last-Modified");
            assertTrue(header(first, "Cache-Control").startsWith("public, max-age="), path + " " + first.headers());
            assertEquals(304, page(path, "If-None-Match", etag).statusCode(), path);
            assertEquals(304, page(path, "If-None-Match", "\"other\", W/" + etag).statusCode(), path + ": weak, in a list");
            assertEquals(304, page(path, "If-Modified-Since", lastModified).statusCode(), path);
            assertEquals(200, page(path, "If-None-Match", "\"other\"").statusCode(), path);
        }
    }

    @Test
    @Order(5)
    void aPublishedChangeIsServedWithinFiveSeconds() throws Exception {
        Http.Answer changed = staff.put("/api/website/pages/" + mandate + "/texts/en",
                "{\"title\":\"Our mandate, revised\",\"body\":\"The unit supports **States Parties** in English.\",\"version\":" + mandateEnglishVersion + "}");
        assertEquals(200, changed.status, changed::toString);
        assertEquals("CHANGED", changed.json.get("status").asText());
        assertTrue(page("/en/mandate").body().contains("<h1>Our mandate</h1>"), "the working copy is not public");
        Http.Answer published = staff.post("/api/website/pages/" + mandate + "/texts/en/publish", "");
        assertEquals(200, published.status, published::toString);
        long start = System.nanoTime();
        String body = "";
        while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos() && !body.contains("<h1>Our mandate, revised</h1>")) {
            body = page("/en/mandate").body();
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(body.contains("<h1>Our mandate, revised</h1>"), "served within 5 s: " + body);
        System.out.println("a published change was served after " + millis + " ms");
        assertTrue(page("/es/mandate").body().contains("<h1>Our mandate, revised</h1>"), "the fallback follows");
    }

    @Test
    @Order(6)
    void robotsAndTheSitemapListThePage() throws Exception {
        HttpResponse<String> robots = page("/robots.txt");
        assertEquals(200, robots.statusCode());
        assertTrue(header(robots, "Content-Type").startsWith("text/plain"), robots.headers().toString());
        assertTrue(robots.body().contains("Sitemap: http://127.0.0.1:" + port + "/sitemap.xml"), robots.body());
        assertTrue(robots.body().contains("Allow: /\n"), robots.body());
        assertFalse(robots.body().contains("Disallow: /en"), robots.body());

        HttpResponse<String> sitemap = page("/sitemap.xml");
        assertEquals(200, sitemap.statusCode());
        for (String language : List.of("en", "fr", "es")) {
            assertTrue(sitemap.body().contains("<loc>http://127.0.0.1:" + port + "/" + language + "/mandate</loc>"), sitemap.body());
        }
        assertFalse(sitemap.body().contains("draft-page"), sitemap.body());
        assertFalse(sitemap.body().contains("withdrawn-page"), sitemap.body());
    }

    @Test
    @Order(7)
    void newsInEnglishOnlyAreListedInFrenchToo() throws Exception {
        newsId = created(staff.post("/api/website/news", "{\"date\":\"" + LocalDate.now() + "\"}"));
        Http.Answer text = staff.put("/api/website/news/" + newsId + "/texts/en", "{\"title\":\"Intersessional meetings announced\",\"body\":\"Dates *soon*.\"}");
        assertEquals(200, text.status, text::toString);
        assertNotFound("/en/news/" + newsId);
        assertEquals(200, staff.post("/api/website/news/" + newsId + "/texts/en/publish", "").status);

        HttpResponse<String> english = page("/en/news");
        assertTrue(english.body().contains("<a href=\"/en/news/" + newsId + "\">Intersessional meetings announced</a>"), english.body());
        HttpResponse<String> french = page("/fr/news");
        assertEquals(200, french.statusCode());
        assertTrue(french.body().contains("<li lang=\"en\">"), "marked as English: " + french.body());
        assertTrue(french.body().contains("<a href=\"/fr/news/" + newsId + "\">Intersessional meetings announced</a>"), french.body());
        HttpResponse<String> item = page("/fr/news/" + newsId);
        assertEquals(200, item.statusCode());
        assertTrue(item.body().contains("class=\"fallback\""), item.body());
        assertTrue(page("/fr/").body().contains("Intersessional meetings announced"), "the French home page's latest news");
    }

    @Test
    @Order(8)
    void anImageLinkedFromAPublishedPageDownloadsAsUploadedAndAnotherIsNotFound() throws Exception {
        Http.Answer image = staff.multipart("/api/website/media", Map.of(), "Clearance map 2024.png", "image/png", PNG);
        assertEquals(201, image.status, image::toString);
        imageUrl = image.json.get("url").asText();
        imageSha256 = image.json.get("sha256").asText();
        assertEquals(sha256(PNG), imageSha256);
        assertTrue(imageUrl.matches("/media/[0-9]+/Clearance-map-2024\\.png"), imageUrl);
        assertEquals("![Clearance-map-2024.png](" + imageUrl + ")", image.json.get("markdown").asText());
        Http.Answer lone = staff.multipart("/api/website/media", Map.of(), "lone.gif", "image/gif", GIF);
        assertEquals(201, lone.status, lone::toString);
        loneImageUrl = lone.json.get("url").asText();
        Http.Answer svg = staff.multipart("/api/website/media", Map.of(), "logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
        ApiAssertions.assertError(svg, 415, "file");
        assertNotFound(imageUrl);

        long gallery = created(staff.post("/api/website/pages", "{\"slug\":\"gallery\"}"));
        publish(gallery, "en", "Gallery", "![Land released in 2024](" + imageUrl + ")");
        assertTrue(page("/en/gallery").body().contains("<img src=\"" + imageUrl + "\" alt=\"Land released in 2024\" />"), page("/en/gallery").body());

        HttpResponse<byte[]> download = bytes(imageUrl);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PNG, download.body());
        assertEquals(imageSha256, sha256(download.body()), "the same SHA-256 as uploaded");
        assertEquals("image/png", header(download, "Content-Type"));
        assertTrue(header(download, "Content-Disposition").startsWith("inline; filename=\"Clearance-map-2024.png\""), download.headers().toString());
        assertEquals("\"" + imageSha256 + "\"", header(download, "ETag"));
        assertFalse(header(download, "Last-Modified").isEmpty());
        assertEquals(304, page(imageUrl, "If-None-Match", "\"" + imageSha256 + "\"").statusCode());
        assertNotFound(loneImageUrl);
        assertNotFound(imageUrl.replace(".png", "-other.png"));

        Http.Answer refused = staff.delete("/api/website/media/" + image.json.get("id").asLong() + "?version=" + image.json.get("version").asInt());
        ApiAssertions.assertError(refused, 409, null);
        assertTrue(refused.json.get("error").asText().contains("page /gallery (en)"), refused.body);
        assertEquals(401, new Http(port).get("/api/website/media").status);
        assertEquals(403, admin.newUser("CONSULTANT").get("/api/website/media").status);
    }

    @Test
    @Order(9)
    void onlyGetAndHeadAreAnswered() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/en/mandate", "/", "/en/news", "/en/search?q=x", imageUrl)) {
                HttpResponse<String> answer = anonymous.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("a=b")).header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, answer.statusCode(), method + " " + path);
                assertEquals("GET, HEAD", header(answer, "Allow"), method + " " + path);
            }
        }
        HttpResponse<String> head = anonymous.send(HttpRequest.newBuilder(URI.create(base() + "/en/mandate"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    @Order(10)
    void theThemeSwitchesTenTimesWhileFourClientsReadWithoutAFailure() throws Exception {
        List<String> paths = List.of("/en/", "/en/mandate", "/en/news", "/en/search?q=mandate");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger[] seen = {new AtomicInteger(), new AtomicInteger()};
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int first = c;
            Thread thread = new Thread(() -> {
                for (int i = first; running.get(); i++) {
                    String path = paths.get(i % paths.size());
                    try {
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        requests.incrementAndGet();
                        int theme = answer.body().contains(THEME_LINKS.get(0)) ? 0 : answer.body().contains(THEME_LINKS.get(1)) ? 1 : -1;
                        if (answer.statusCode() != 200 || theme < 0) {
                            failures.add(path + " " + answer.statusCode() + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
                        } else {
                            seen[theme].incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(path + " " + e);
                    }
                }
            }, "public client " + c);
            thread.start();
            clients.add(thread);
        }
        try {
            Thread.sleep(500);
            for (int i = 1; i <= 10; i++) {
                String theme = i % 2 == 1 ? "sober" : "civic";
                Http.Answer switched = admin.put("/api/website/theme", "{\"theme\":\"" + theme + "\"}");
                assertEquals(200, switched.status, switched::toString);
                assertEquals(theme, switched.json.get("active").asText());
                Thread.sleep(400);
            }
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }
        }
        System.out.println("theme switched 10 times under 4 clients: " + requests.get() + " requests, " + seen[0].get() + " civic, "
                + seen[1].get() + " sober, " + failures.size() + " failed");
        assertTrue(failures.isEmpty(), failures.size() + " failed: " + failures.stream().limit(5).toList());
        assertTrue(seen[0].get() > 0 && seen[1].get() > 0, "both themes were served");
        assertTrue(page("/en/mandate").body().contains(THEME_LINKS.get(0)), "civic after the tenth switch");
        assertEquals(200, page("/theme/sober/theme.css").statusCode());
    }

    @Test
    @Order(11)
    void aRestartKeepsEverything() throws Exception {
        assertEquals(200, admin.put("/api/website/theme", "{\"theme\":\"sober\"}").status);
        assertFalse(output().contains("Exception in"), output());
        assertEquals(143, platform.terminate());
        platform = Distribution.start(environment, folder.resolve("second-run.log"));
        Http again = new Http(port);
        Http.Answer health = again.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        HttpResponse<String> english = awaitPage("/en/mandate");
        assertTrue(english.body().contains("<h1>Our mandate, revised</h1>"), english.body());
        assertTrue(english.body().contains(THEME_LINKS.get(1)), "the theme chosen is kept: " + english.body());
        assertTrue(page("/fr/mandate").body().contains("<h1>Notre mandat</h1>"));
        assertTrue(page("/es/mandate").body().contains(ES_FALLBACK));
        assertTrue(page("/fr/news").body().contains("Intersessional meetings announced"));
        assertNotFound("/en/draft-page");
        assertNotFound("/en/withdrawn-page");
        HttpResponse<byte[]> download = bytes(imageUrl);
        assertEquals(200, download.statusCode());
        assertEquals(imageSha256, sha256(download.body()));
        assertNotFound(loneImageUrl);
        assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
        assertEquals(2, again.get("/api/website/media").json.get("total").asInt());
        assertEquals("sober", again.get("/api/website/theme").json.get("active").asText());
    }

    @Test
    @Order(12)
    void uninstalledTheSiteIsGoneAndReinstalledEverythingIsBack() throws Exception {
        Http again = new Http(port);
        assertEquals(200, again.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer uninstalled = again.delete("/api/platform/modules/website");
        assertEquals(200, uninstalled.status, () -> uninstalled + "\n" + output());
        assertEquals(404, page("/en/mandate").statusCode(), "no website, no public pages");
        assertEquals(200, again.await("/api/platform/health", 200, STARTUP).status, "the platform stays healthy without the website");
        Http.Answer installed = again.post("/api/platform/modules/website/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        HttpResponse<String> english = awaitPage("/en/mandate");
        assertTrue(english.body().contains("<h1>Our mandate, revised</h1>"), "the pages kept in the database: " + english.body());
        assertTrue(page("/es/mandate").body().contains(ES_FALLBACK));
        HttpResponse<byte[]> download = bytes(imageUrl);
        assertEquals(200, download.statusCode());
        assertEquals(imageSha256, sha256(download.body()), "the media kept in the data folder");
        assertEquals("sober", again.get("/api/website/theme").json.get("active").asText(), "the configuration kept");
    }

    private long created(Http.Answer answer) {
        assertEquals(201, answer.status, answer::toString);
        return answer.json.get("id").asLong();
    }

    /** Writes a language version and publishes it; answers its version. */
    private int publish(long page, String language, String title, String body) throws Exception {
        Http.Answer written = staff.put("/api/website/pages/" + page + "/texts/" + language,
                "{\"title\":\"" + title + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\"}");
        assertEquals(200, written.status, written::toString);
        Http.Answer published = staff.post("/api/website/pages/" + page + "/texts/" + language + "/publish", "");
        assertEquals(200, published.status, published::toString);
        assertEquals("PUBLISHED", published.json.get("status").asText());
        return published.json.get("version").asInt();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** An anonymous GET, as a browser without a session sends it, with the headers given (name, value, ...). */
    private HttpResponse<String> page(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET().timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return anonymous.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The page once the website is up again after a start (the module's components start after the platform answers). */
    private HttpResponse<String> awaitPage(String path) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpResponse<String> last = page(path);
        while (last.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = page(path);
        }
        assertEquals(200, last.statusCode(), last::body);
        return last;
    }

    private void assertNotFound(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = page(path);
        assertEquals(404, answer.statusCode(), path + " answered " + answer.statusCode());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private String output() {
        try {
            return platform == null ? "" : platform.output();
        } catch (IOException e) {
            return "(the platform's output could not be read: " + e + ")";
        }
    }
}
