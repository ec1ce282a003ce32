package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How the public site reads an address and a client's validators. */
class PublicSiteTest {

    @Test
    void segmentsAreDecoded() {
        assertEquals(List.of(), PublicSite.segments("/"));
        assertEquals(List.of("en", "about", "history"), PublicSite.segments("/en/about/history"));
        assertEquals(List.of("en", "about"), PublicSite.segments("//en///about/"), "empty segments are nothing");
        assertEquals(List.of("fr", "été"), PublicSite.segments("/fr/%C3%A9t%C3%A9"));
        assertEquals(List.of("en", "a b"), PublicSite.segments("/en/a%20b"));
        assertEquals(List.of("en", "a+b"), PublicSite.segments("/en/a+b"), "a plus in a path is a plus");
        assertEquals(List.of("media", "12", "photo.jpg"), PublicSite.segments("/media/12/photo.jpg"));
    }

    @Test
    void anAddressNoPageCanHaveIsNull() {
        for (String uri : List.of("/en/..", "/en/../app", "/./en", "/en/%2e%2e/app", "/en/%2E", "/en/a%2Fb", "/en/a%5Cb", "/en/a\\b",
                "/en/a%00b", "/en/a%0Ab", "/en/a%0d%0aSet-Cookie:x", "/en/a%7Fb", "/en/a%1b", "/en/%zz", "/en/%", "/en/%C3")) {
            assertNull(PublicSite.segments(uri), uri);
        }
    }

    private static final String ETAG = "\"0123456789abcdef\"";
    private static final long MODIFIED = Instant.parse("2025-03-15T10:00:00Z").toEpochMilli();

    @Test
    void ifNoneMatchNamesTheETag() {
        assertTrue(PublicSite.notModified(ETAG, null, ETAG, MODIFIED));
        assertTrue(PublicSite.notModified("\"other\", " + ETAG, null, ETAG, MODIFIED), "one of a list");
        assertTrue(PublicSite.notModified("\"other\",W/" + ETAG, null, ETAG, MODIFIED), "a weak comparison is enough for a GET");
        assertTrue(PublicSite.notModified("*", null, ETAG, MODIFIED));
        assertFalse(PublicSite.notModified("\"other\"", null, ETAG, MODIFIED));
        assertFalse(PublicSite.notModified("0123456789abcdef", null, ETAG, MODIFIED), "an ETag is quoted");
        assertFalse(PublicSite.notModified("", null, ETAG, MODIFIED));
        assertFalse(PublicSite.notModified("\"other\"", "Sat, 15 Mar 2025 10:00:00 GMT", ETAG, MODIFIED),
                "If-None-Match decides alone when it is there");
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() {
        assertTrue(PublicSite.notModified(null, "Sat, 15 Mar 2025 10:00:00 GMT", ETAG, MODIFIED));
        assertTrue(PublicSite.notModified(null, "Sun, 16 Mar 2025 08:00:00 GMT", ETAG, MODIFIED));
        assertFalse(PublicSite.notModified(null, "Sat, 15 Mar 2025 09:59:59 GMT", ETAG, MODIFIED));
        assertFalse(PublicSite.notModified(null, "yesterday", ETAG, MODIFIED));
        assertFalse(PublicSite.notModified(null, null, ETAG, MODIFIED));
        assertFalse(PublicSite.notModified(null, "Sat, 15 Mar 2025 10:00:00 GMT", ETAG, -1), "no Last-Modified, no 304 by date");
    }

    @Test
    void anETagIsQuotedAndFollowsTheBytes() {
        String first = PublicSite.etag("<p>one</p>".getBytes());
        assertTrue(first.matches("\"[0-9a-f]{32}\""), first);
        assertEquals(first, PublicSite.etag("<p>one</p>".getBytes()));
        assertFalse(first.equals(PublicSite.etag("<p>two</p>".getBytes())));
    }

    @Test
    void downloadsAndImagesNameTheirFile() {
        assertEquals("attachment; filename=\"report-2024.pdf\"; filename*=UTF-8''report-2024.pdf", ContentDisposition.attachment("report-2024.pdf"));
        assertEquals("inline; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg", ContentDisposition.inline("photo.jpg"));
        assertEquals("attachment; filename=\"r_sum_ \\_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22.pdf".replace("\\_", "_"),
                ContentDisposition.attachment("résumé \".pdf"));
    }
}
