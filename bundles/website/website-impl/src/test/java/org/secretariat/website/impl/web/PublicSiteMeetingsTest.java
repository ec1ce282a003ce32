package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.platform.testing.ModuleDatabase;
import org.secretariat.website.impl.domain.Page;
import org.secretariat.website.impl.service.Markdown;
import org.secretariat.website.impl.service.PublicContent;
import org.secretariat.website.impl.service.SiteLanguages;
import org.secretariat.website.impl.service.Themes;
import org.secretariat.website.impl.web.meetings.CcmProfile;
import org.secretariat.website.impl.web.meetings.DocumentsSection;
import org.secretariat.website.impl.web.meetings.InMemoryCalendar;
import org.secretariat.website.impl.web.meetings.MeetingsSection;

/**
 * The meetings parts through the public site's servlet: downloads streamed with their checksum as ETag,
 * for GET and HEAD, never kept in the rendered cache; the meetings page rendered and cached; both
 * gone when the sections leave.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteMeetingsTest {

    private static final byte[] FRENCH = {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, (byte) 0xe9, '\r', '\n', (byte) 0xff};

    private ModuleDatabase database;
    private PublicSite site;
    private RenderedCache cache;
    private InMemoryCalendar calendar;
    private MeetingsSection meetings;
    private DocumentsSection documents;

    @BeforeAll
    void site() {
        database = ModuleDatabase.of("website", Page.class);
        CcmProfile profile = new CcmProfile();
        SiteLanguages languages = new SiteLanguages(profile);
        PublicContent content = new PublicContent(database.factory(), languages, new Markdown());
        cache = new RenderedCache();
        SiteMessages messages = new SiteMessages();
        site = new PublicSite(languages, profile, content, new Themes(), new Templates(), messages, cache, new PageSection(content));
        calendar = new InMemoryCalendar(LocalDate.of(2026, 6, 1));
        calendar.meeting(1, "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.meeting(2, "Restricted", LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1), false);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("en", "%PDF-1.4 english".getBytes(StandardCharsets.US_ASCII));
        files.put("fr", FRENCH);
        calendar.document(1, 9, "CCM/MSP/2011/WP.1", "Universalization", LocalDate.of(2011, 9, 1), true, files);
        calendar.document(2, 10, "CCM/MSP/2011/INF.1", "Restricted", LocalDate.of(2011, 9, 1), true, files);
        meetings = new MeetingsSection(calendar, messages);
        documents = new DocumentsSection(calendar);
        site.addSection(meetings);
        site.addSection(documents);
    }

    @AfterAll
    void close() {
        database.close();
    }

    private ServletExchange get(String uri) throws Exception {
        return new ServletExchange("GET", uri).run(site);
    }

    @Test
    void aDownloadIsStreamedWithItsChecksumForGetAndHeadAndNeverCached() throws Exception {
        cache.clear();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FRENCH));
        ServletExchange download = get("/documents/9/fr");
        assertEquals(200, download.status);
        assertArrayEquals(FRENCH, download.body.toByteArray());
        assertEquals("application/pdf", download.headers.get("Content-Type"));
        assertEquals(String.valueOf(FRENCH.length), download.headers.get("Content-Length"));
        assertEquals("\"" + sha256 + "\"", download.headers.get("ETag"));
        assertEquals("Thu, 1 Sep 2011 10:15:30 GMT", download.headers.get("Last-Modified"));
        assertTrue(download.headers.get("Content-Disposition").startsWith("attachment; filename=\"document-fr.pdf\""), download.headers.toString());
        assertEquals(PublicSite.CACHE_CONTROL, download.headers.get("Cache-Control"));
        assertEquals(0, cache.size(), "a streamed file is not held in the rendered cache");

        ServletExchange head = new ServletExchange("HEAD", "/documents/9/fr").run(site);
        assertEquals(200, head.status);
        assertEquals(0, head.body.size());
        assertEquals(download.headers.get("ETag"), head.headers.get("ETag"));
        assertEquals(String.valueOf(FRENCH.length), head.headers.get("Content-Length"));

        ServletExchange again = new ServletExchange("GET", "/documents/9/fr").header("If-None-Match", "\"" + sha256 + "\"").run(site);
        assertEquals(304, again.status);
        assertEquals(0, again.body.size());
        assertEquals(0, cache.size());
    }

    @Test
    void whatIsNotPublicIsNotFound() throws Exception {
        assertEquals(404, get("/documents/10/en").status, "a document of a restricted meeting");
        assertEquals(404, get("/documents/9/es").status, "no Spanish version");
        assertEquals(404, get("/en/documents/9/en").status, "a file's one address has no site language");
        assertEquals(404, get("/en/meetings/2").status, "a restricted meeting");
        assertEquals(404, get("/en/meetings/3").status, "an unknown meeting");
    }

    @Test
    void theMeetingsPagesAreRenderedCachedAndGoneWithTheirSection() throws Exception {
        cache.clear();
        ServletExchange page = get("/en/meetings/1");
        assertEquals(200, page.status);
        String html = page.body.toString(StandardCharsets.UTF_8);
        assertTrue(html.contains("href=\"/documents/9/fr\""), html);
        assertTrue(html.contains("<a href=\"/en/meetings\">Meetings</a>"), "the navigation names the section");
        assertEquals(1, cache.size(), "a page is cached until the next change");
        assertEquals(200, get("/en/meetings").status);
        assertTrue(get("/sitemap.xml").body.toString(StandardCharsets.UTF_8).contains("http://localhost:8395/fr/meetings/1"));

        site.removeSection(meetings);
        site.removeSection(documents);
        try {
            assertEquals(0, cache.size(), "the cache forgets what was rendered with the section");
            assertEquals(404, get("/en/meetings/1").status);
            assertEquals(404, get("/en/meetings").status);
            assertEquals(404, get("/documents/9/fr").status);
            ServletExchange home = get("/en/");
            assertEquals(200, home.status);
            assertTrue(!home.body.toString(StandardCharsets.UTF_8).contains("/en/meetings"), "no link to the meetings any more");
        } finally {
            site.addSection(meetings);
            site.addSection(documents);
        }
    }
}
