package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * The meetings on the public website, over the distribution started with {@code bin/secretariat}:
 * contacts, website and then meetings installed at runtime (meetings reuses the API and ical4j bundles
 * the website brought). A public meeting's document, uploaded in English and French with binary content,
 * issued and published, appears on the meeting's page within 5 s and downloads anonymously with the
 * SHA-256 it was uploaded with; a restricted meeting and its document are 404; a withdrawn document's
 * download is 404 within 5 s; the iCalendar file and the search see only what is public. Uninstalling
 * meetings takes the meetings parts away (404) while the rest of the site answers 200 and health stays
 * UP; installing it again brings them back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebsiteMeetingsIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    /** The issue's promise: a change is on the site within 5 s. */
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private Distribution platform;
    private Http admin;
    private Http visitor;
    private HttpClient client;
    private String base;
    private String type;
    private String pagePath;

    private long meetingId;
    private long documentId;
    private String symbol;
    private long restrictedMeetingId;
    private long restrictedDocumentId;
    private final byte[] english = binary("English version");
    private final byte[] french = binary("version française");

    /** A PDF header, then every byte value, so that nothing may be re-encoded on the way. */
    private static byte[] binary(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("%PDF-1.7\n% " + text + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 256; i++) {
            bytes.write(i);
        }
        bytes.writeBytes("\r\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @BeforeAll
    void start() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("website-meetings-" + System.nanoTime()));
        int port = PlatformOptions.freePort();
        base = "http://127.0.0.1:" + port;
        platform = Distribution.start(Distribution.environment(folder.resolve("data"), port), folder.resolve("platform.log"));
        admin = new Http(port);
        visitor = new Http(port);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, () -> health + "\n" + output());
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        // The website first, without meetings: its meetings parts are simply not there, and health stays UP.
        for (String module : List.of("contacts", "website")) {
            Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
            assertEquals(200, installed.status, () -> installed + "\n" + output());
        }
        Http.Answer withoutMeetings = admin.get("/api/platform/health");
        assertEquals(200, withoutMeetings.status, withoutMeetings::toString);
        assertEquals(404, visitor.get("/en/meetings").status, "no meetings module yet");
        Http.Answer meetings = admin.post("/api/platform/modules/meetings/install", "");
        assertEquals(200, meetings.status, () -> meetings + "\n" + output());
        type = ServedProfile.of(admin).mainMeetingType();

        // A page of the website's own, to check the site keeps answering without meetings.
        Http.Answer page = admin.post("/api/website/pages", "{\"slug\":\"about-the-convention\",\"menuOrder\":1,\"inMenu\":true}");
        assertEquals(201, page.status, page::toString);
        long pageId = page.json.get("id").asLong();
        assertEquals(200, admin.put("/api/website/pages/" + pageId + "/texts/en", "{\"title\":\"About the Convention\",\"body\":\"The treaty.\"}").status);
        assertEquals(200, admin.post("/api/website/pages/" + pageId + "/texts/en/publish", "").status);
        pagePath = "/en/about-the-convention";
        assertEquals(200, visitor.await(pagePath, 200, FIVE_SECONDS).status);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aPublishedDocumentAppearsOnItsPublicMeetingsPageWithin5sAndDownloadsByteForByte() throws Exception {
        LocalDate start = LocalDate.now().plusDays(30);
        Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"number\":14,\"title\":\"Fourteenth Meeting of States Parties\","
                + "\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3) + "\",\"city\":\"Geneva\"}");
        assertEquals(201, created.status, created::toString);
        meetingId = created.json.get("id").asLong();
        String meeting = "/api/meetings/" + meetingId;
        assertEquals(201, admin.post(meeting + "/agenda", "{\"number\":\"1\",\"title\":\"Opening of the meeting\"}").status);
        Http.Answer uploaded = admin.multipart(meeting + "/documents", Map.of("title", "Universalization of the Convention", "category", "WORKING_PAPER",
                "language", "en"), "universalization.pdf", "application/pdf", english);
        assertEquals(201, uploaded.status, uploaded::toString);
        documentId = uploaded.json.get("id").asLong();
        symbol = uploaded.json.get("symbol").asText();
        Http.Answer frenchVersion = admin.multipart(meeting + "/documents/" + documentId + "/files", Map.of("language", "fr"),
                "universalisation.pdf", "application/pdf", french);
        assertEquals(201, frenchVersion.status, frenchVersion::toString);

        String page = "/en/meetings/" + meetingId;
        assertEquals(200, visitor.await(page, 200, FIVE_SECONDS).status, "a public meeting has its page");
        assertFalse(visitor.get(page).body.contains(symbol), "not before it is issued");
        assertEquals(404, visitor.get("/documents/" + documentId + "/en").status, "nor its download");

        assertEquals(200, admin.post(meeting + "/documents/" + documentId + "/publish", "{}").status);
        long published = System.nanoTime();
        Http.Answer shown = poll(page, answer -> answer.status == 200 && answer.body.contains(symbol));
        System.out.printf("the published document was on its meeting's page after %d ms%n", (System.nanoTime() - published) / 1_000_000);
        assertTrue(shown.body.contains(symbol), "within 5 s: " + shown);
        assertTrue(shown.body.contains("Opening of the meeting"), "the agenda");
        assertTrue(shown.body.contains("href=\"/documents/" + documentId + "/fr\" hreflang=\"fr\""), shown.body);

        for (Map.Entry<String, byte[]> version : Map.of("en", english, "fr", french).entrySet()) {
            String download = "/documents/" + documentId + "/" + version.getKey();
            HttpResponse<byte[]> file = visitor.bytes(download);
            assertEquals(200, file.statusCode(), download);
            assertArrayEquals(version.getValue(), file.body(), "byte for byte as uploaded");
            assertEquals(sha256(version.getValue()), sha256(file.body()));
            assertEquals("\"" + sha256(version.getValue()) + "\"", file.headers().firstValue("ETag").orElse(""), "the ETag is the SHA-256");
            assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
            assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"), file.headers().toString());
            assertTrue(file.headers().firstValue("Last-Modified").isPresent());
            HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(URI.create(base + download)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            assertEquals(String.valueOf(version.getValue().length), head.headers().firstValue("Content-Length").orElse(""));
            HttpResponse<byte[]> unchanged = client.send(HttpRequest.newBuilder(URI.create(base + download))
                    .header("If-None-Match", file.headers().firstValue("ETag").orElseThrow()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, unchanged.statusCode());
        }

        Http.Answer list = visitor.get("/en/meetings");
        assertEquals(200, list.status);
        assertTrue(list.body.contains("href=\"/en/meetings/" + meetingId + "\""), list.body);
        assertTrue(visitor.get("/en/").body.contains("meetings-block"), "the home page shows the next meetings");
        Http.Answer feed = visitor.get("/en/feeds/documents.atom");
        assertEquals(200, feed.status);
        assertTrue(feed.body.contains(symbol), feed.body);
        Http.Answer search = visitor.get("/en/search?q=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8));
        assertTrue(search.body.contains("/en/meetings/" + meetingId + "#document-" + documentId), search.body);
        assertTrue(search.body.contains(symbol + " — Universalization of the Convention"), search.body);

        // The sober theme has its own page frame: the meetings pages render in it too, feeds linked in the head.
        assertEquals(200, admin.put("/api/website/theme", "{\"theme\":\"sober\"}").status);
        try {
            Http.Answer sober = poll(page, a -> a.body.contains("/theme/sober/theme.css"));
            assertEquals(200, sober.status, sober::toString);
            assertTrue(sober.body.contains("/theme/sober/theme.css"), sober.body);
            assertTrue(sober.body.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Documents feed (Atom)\" href=\"/en/feeds/documents.atom\">"),
                    sober.body);
            assertTrue(sober.body.contains(symbol));
        } finally {
            assertEquals(200, admin.put("/api/website/theme", "{\"theme\":\"civic\"}").status);
        }
    }

    @Test
    @Order(2)
    void aRestrictedMeetingAndItsDocumentAreNotFound() throws Exception {
        LocalDate start = LocalDate.now().plusDays(40);
        Http.Answer created = admin.post("/api/meetings", "{\"type\":\"" + type + "\",\"title\":\"Restricted coordination meeting\","
                + "\"startDate\":\"" + start + "\",\"endDate\":\"" + start + "\",\"city\":\"Geneva\",\"publicMeeting\":false}");
        assertEquals(201, created.status, created::toString);
        restrictedMeetingId = created.json.get("id").asLong();
        Http.Answer uploaded = admin.multipart("/api/meetings/" + restrictedMeetingId + "/documents", Map.of("title", "Coordination notes",
                "category", "INFORMATION", "language", "en"), "notes.pdf", "application/pdf", binary("restricted"));
        assertEquals(201, uploaded.status, uploaded::toString);
        restrictedDocumentId = uploaded.json.get("id").asLong();
        assertEquals(200, admin.post("/api/meetings/" + restrictedMeetingId + "/documents/" + restrictedDocumentId + "/publish", "{}").status);

        assertEquals(404, visitor.get("/en/meetings/" + restrictedMeetingId).status, "never 403");
        assertEquals(404, visitor.get("/documents/" + restrictedDocumentId + "/en").status);
        assertFalse(visitor.get("/en/meetings").body.contains("Restricted coordination meeting"));
        assertFalse(visitor.get("/en/search?q=Coordination+notes").body.contains("Coordination notes</a>"));

        Http.Answer ics = visitor.get("/meetings.ics");
        assertEquals(200, ics.status);
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics.body.getBytes(StandardCharsets.UTF_8)));
        List<String> uids = calendar.getComponents(Component.VEVENT).stream().map(e -> e.getProperty(Property.UID).getValue())
                .collect(Collectors.toList());
        assertTrue(uids.stream().anyMatch(u -> u.startsWith("meeting-" + meetingId + "@")), uids.toString());
        assertFalse(uids.stream().anyMatch(u -> u.startsWith("meeting-" + restrictedMeetingId + "@")), "the restricted meeting is not in it");
        assertTrue(ics.body.contains("/meetings/" + meetingId), "each event links its page");
    }

    @Test
    @Order(3)
    void aWithdrawnDocumentsDownloadIsNotFoundWithin5s() throws Exception {
        assertEquals(200, visitor.bytes("/documents/" + documentId + "/en").statusCode());
        assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + documentId + "/unpublish", "").status);
        long withdrawn = System.nanoTime();
        for (String language : List.of("en", "fr")) {
            assertEquals(404, visitor.await("/documents/" + documentId + "/" + language, 404, FIVE_SECONDS, Duration.ofMillis(100)).status);
        }
        System.out.printf("the withdrawn document's download answered 404 after %d ms%n", (System.nanoTime() - withdrawn) / 1_000_000);
        assertFalse(poll("/en/meetings/" + meetingId, a -> !a.body.contains(symbol)).body.contains(symbol), "nor on its meeting's page");
    }

    @Test
    @Order(4)
    void withoutMeetingsTheSiteAnswersWithoutItsMeetingsPartsAndHealthStaysUp() throws Exception {
        Http.Answer uninstalled = admin.delete("/api/platform/modules/meetings");
        assertEquals(200, uninstalled.status, () -> uninstalled + "\n" + output());
        for (String gone : List.of("/en/meetings", "/en/meetings/" + meetingId, "/meetings.ics", "/en/feeds/documents.atom",
                "/documents/" + restrictedDocumentId + "/en")) {
            assertEquals(404, visitor.await(gone, 404, FIVE_SECONDS).status, gone);
        }
        Http.Answer home = visitor.get("/en/");
        assertEquals(200, home.status);
        assertFalse(home.body.contains("meetings-block"), "no meetings block on the home page");
        assertFalse(home.body.contains("href=\"/en/meetings\""), "no link to the meetings");
        assertEquals(200, visitor.get("/").status);
        assertEquals(200, visitor.get(pagePath).status);
        assertEquals(200, visitor.get("/en/news").status);
        assertEquals(200, visitor.get("/en/feeds/news.atom").status);
        assertEquals(200, visitor.get("/en/search?q=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)).status);
        // 503 for a moment while the REST application is rebuilt after the uninstall, then UP
        Http.Answer health = admin.await("/api/platform/health", 200, STARTUP);
        assertEquals(200, health.status, "the website without meetings is healthy: " + health);
    }

    @Test
    @Order(5)
    void installingMeetingsAgainBringsItsPartsBack() throws Exception {
        Http.Answer installed = admin.post("/api/platform/modules/meetings/install", "");
        assertEquals(200, installed.status, () -> installed + "\n" + output());
        assertEquals(200, visitor.await("/en/meetings/" + meetingId, 200, FIVE_SECONDS).status);
        assertTrue(poll("/en/", a -> a.body.contains("meetings-block")).body.contains("meetings-block"), "the home block is back");
        assertEquals(200, admin.post("/api/meetings/" + meetingId + "/documents/" + documentId + "/publish", "{}").status);
        assertEquals(200, visitor.await("/documents/" + documentId + "/fr", 200, FIVE_SECONDS).status);
        assertArrayEquals(french, visitor.bytes("/documents/" + documentId + "/fr").body());
        assertTrue(visitor.get("/meetings.ics").body.contains("meeting-" + meetingId + "@"));
        assertEquals(200, admin.get("/api/platform/health").status);
    }

    /** Polls an address (every 100 ms, for at most 5 s) until its answer passes; answers the last one. */
    private Http.Answer poll(String path, Predicate<Http.Answer> done) throws Exception {
        long deadline = System.nanoTime() + FIVE_SECONDS.toNanos();
        Http.Answer last = visitor.get(path);
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = visitor.get(path);
        }
        return last;
    }

    private String output() {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
