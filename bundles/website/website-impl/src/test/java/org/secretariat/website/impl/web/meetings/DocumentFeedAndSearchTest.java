package org.secretariat.website.impl.web.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.secretariat.website.impl.service.PublicContent;
import org.secretariat.website.impl.web.FeedSource;

class DocumentFeedAndSearchTest {

    private final InMemoryCalendar calendar = new InMemoryCalendar(LocalDate.of(2026, 6, 1));

    DocumentFeedAndSearchTest() {
        calendar.meeting(1, "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.meeting(2, "Restricted", LocalDate.of(2011, 10, 1), LocalDate.of(2011, 10, 1), false);
        Map<String, byte[]> files = Map.of("en", "%PDF".getBytes(StandardCharsets.US_ASCII));
        calendar.document(1, 9, "CCM/MSP/2011/WP.1", "Universalization", LocalDate.of(2011, 9, 1), true, files);
        calendar.document(1, 10, "CCM/MSP/2011/WP.2", "Victim assistance", LocalDate.of(2011, 9, 5), true, files);
        calendar.document(1, 11, "CCM/MSP/2011/WP.3", "Universalization, draft", LocalDate.of(2011, 9, 6), false, files);
        calendar.document(2, 12, "CCM/MSP/2011/INF.1", "Universalization (restricted)", LocalDate.of(2011, 9, 7), true, files);
    }

    @Test
    void theFeedListsTheNewestPublicDocumentsLinkingTheirRowOnTheMeetingsPage() {
        List<FeedSource.Entry> entries = new DocumentFeed(calendar).entries("en", 20);
        assertEquals(2, entries.size());
        FeedSource.Entry newest = entries.get(0);
        assertEquals("CCM/MSP/2011/WP.2 — Victim assistance", newest.title());
        assertEquals("meetings/1#document-10", newest.path());
        assertEquals("Second Meeting of States Parties", newest.summary());
        assertEquals(Instant.parse("2011-09-05T00:00:00Z"), newest.updated());
        assertNull(newest.language());
        assertEquals(1, new DocumentFeed(calendar).entries("en", 1).size(), "the limit is the feed's");
    }

    @Test
    void searchFindsPublicDocumentsByTitleOrSymbolTitledSymbolDashTitle() {
        DocumentSearch search = new DocumentSearch(calendar);
        List<PublicContent.Hit> hits = search.search("universalization", "fr", 50);
        assertEquals(1, hits.size(), "neither the draft nor the restricted meeting's document: " + hits);
        PublicContent.Hit hit = hits.get(0);
        assertEquals("CCM/MSP/2011/WP.1 — Universalization", hit.title());
        assertEquals("meetings/1#document-9", hit.path());
        assertEquals("document", hit.kind());
        assertEquals("fr", hit.language());
        assertEquals("CCM/MSP/2011/WP.2", search.search("msp/2011/wp.2", "en", 50).get(0).title().split(" — ")[0], "by symbol");
        assertTrue(search.search("nothing like it", "en", 50).isEmpty());
    }
}
