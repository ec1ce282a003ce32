package org.secretariat.website.impl.web.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secretariat.meetings.api.PublicAgendaItem;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.Section;
import org.secretariat.website.impl.web.SiteMessages;
import org.secretariat.website.impl.web.SiteRequest;

class MeetingsSectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private InMemoryCalendar calendar;
    private MeetingsSection section;
    private final Rendering rendering = new Rendering();

    @BeforeEach
    void meetings() {
        calendar = new InMemoryCalendar(TODAY);
        calendar.meeting(1, "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        calendar.meeting(2, "Intersessional <script>alert(1)</script>", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 22), true);
        calendar.meeting(3, "Restricted bureau", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1), false);
        calendar.meeting(4, "First Review Conference", LocalDate.of(2015, 9, 7), LocalDate.of(2015, 9, 11), true);
        calendar.meeting(5, "Fifth Meeting of States Parties", LocalDate.of(2015, 3, 2), LocalDate.of(2015, 3, 5), true);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("en", "%PDF-1.4 en".getBytes(StandardCharsets.US_ASCII));
        files.put("fr", "%PDF-1.4 fr".getBytes(StandardCharsets.US_ASCII));
        calendar.document(1, 9, "CCM/MSP/2011/WP.1", "Universalization & <b>outreach</b>", LocalDate.of(2011, 9, 1), true, files);
        calendar.document(1, 10, "CCM/MSP/2011/WP.2", "Not yet public", LocalDate.of(2011, 9, 2), false, files);
        calendar.document(3, 11, "CCM/MSP/2026/INF.1", "Of a restricted meeting", LocalDate.of(2026, 5, 2), true, files);
        calendar.agenda(1, new PublicAgendaItem(1, "1", "Opening", null), new PublicAgendaItem(1, "2", "Election", null),
                new PublicAgendaItem(1, "2(a)", "President", "2"), new PublicAgendaItem(1, "2(b)", "Vice-Presidents", "2"),
                new PublicAgendaItem(1, "10", "Closing", null));
        section = new MeetingsSection(calendar, new SiteMessages());
    }

    private static SiteRequest request(String language, String... segments) {
        return new SiteRequest(language, true, List.of(segments), Map.of(), "https://www.example.org");
    }

    @Test
    void theListShowsUpcomingMeetingsThenThePastOnesByYearNewestFirst() throws Exception {
        Answer answer = section.answer(request("en")).orElseThrow();
        String html = rendering.html(answer, "en", "meetings");
        int upcoming = html.indexOf("Upcoming meetings");
        int past = html.indexOf("Past meetings");
        assertTrue(upcoming > 0 && past > upcoming, html);
        assertTrue(html.indexOf("/en/meetings/2") > upcoming && html.indexOf("/en/meetings/2") < past, "the upcoming meeting first");
        int y2015 = html.indexOf(">2015</h3>");
        int y2011 = html.indexOf(">2011</h3>");
        assertTrue(past < y2015 && y2015 < y2011, "years newest first");
        assertTrue(html.indexOf("/en/meetings/4") < html.indexOf("/en/meetings/5"), "in a year, the latest meeting first");
        assertFalse(html.contains("Restricted bureau"), "a restricted meeting is never listed");
        assertFalse(html.contains("<script>alert(1)"), "titles are escaped");
        assertTrue(html.contains("Intersessional &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Documents feed (Atom)\" href=\"/en/feeds/documents.atom\">"),
                "the documents feed is offered in the head");
        assertTrue(html.contains("href=\"/en/meetings.ics\""));
    }

    @Test
    void aMeetingPageHasItsAgendaInOrderAndItsPublicDocumentsWithADownloadPerLanguage() throws Exception {
        Answer answer = section.answer(request("fr", "1")).orElseThrow();
        String html = rendering.html(answer, "fr", "meetings/1");
        assertTrue(html.contains("<h1>Second Meeting of States Parties</h1>"), html);
        assertTrue(html.contains("13 septembre 2011 – 16 septembre 2011"), "dates in the page's language: " + html);
        assertTrue(html.contains("MSP 1"), "type and number");
        assertTrue(html.contains("Terminée"), "the status in French");
        int opening = html.indexOf("Opening");
        int election = html.indexOf("Election");
        int president = html.indexOf("President<");
        int vice = html.indexOf("Vice-Presidents");
        int closing = html.indexOf("Closing");
        assertTrue(opening < election && election < president && president < vice && vice < closing, "1, 2, 2(a), 2(b), 10: " + html);
        assertTrue(html.contains("<tr id=\"document-9\">"), html);
        assertTrue(html.contains("<th scope=\"row\">CCM/MSP/2011/WP.1</th>"));
        assertTrue(html.contains("Universalization &amp; &lt;b&gt;outreach&lt;/b&gt;"), "a document's title is escaped");
        assertTrue(html.contains("<a href=\"/documents/9/en\" hreflang=\"en\" lang=\"en\">English</a>"), html);
        assertTrue(html.contains("<a href=\"/documents/9/fr\" hreflang=\"fr\" lang=\"fr\">Français</a>"), html);
        assertFalse(html.contains("WP.2"), "a document that is not public is not listed");
        assertTrue(html.contains("Document de travail"), "the category in French");
    }

    @Test
    void aRestrictedOrUnknownMeetingAndOtherAddressesAreNotFound() throws Exception {
        assertEquals(Optional.empty(), section.answer(request("en", "3")), "restricted");
        assertEquals(Optional.empty(), section.answer(request("en", "99")), "unknown");
        assertEquals(Optional.empty(), section.answer(request("en", "abc")));
        assertEquals(Optional.empty(), section.answer(request("en", "1", "documents")));
        assertEquals(Optional.empty(), section.answer(request("en", "99999999999999999999")), "not a number a meeting can have");
    }

    @Test
    void theHomePageBlockShowsTheNextMeetingsAndNothingWhenThereAreNone() throws Exception {
        Section.HomeBlock block = section.home("en").orElseThrow();
        assertEquals("home-meetings.ftlh", block.template());
        String html = rendering.html(new Answer.Rendered("home.ftlh", "CCM", Map.of("blocks", List.of(block))), "en", "");
        assertTrue(html.contains("class=\"block meetings-block\""), html);
        assertTrue(html.contains("/en/meetings/2"), html);
        assertFalse(html.contains("/en/meetings/1\""), "a past meeting is not next");

        InMemoryCalendar past = new InMemoryCalendar(TODAY);
        past.meeting(1, "Long ago", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), true);
        assertEquals(Optional.empty(), new MeetingsSection(past, new SiteMessages()).home("en"));
    }

    @Test
    void theNavigationAndTheSitemapNameThePublicMeetingsOnly() {
        assertEquals("meetings.title", section.navigation().orElseThrow().messageKey());
        assertEquals(List.of("meetings", "meetings/1", "meetings/5", "meetings/4", "meetings/2"), section.sitemap());
    }

    @Test
    void aMeetingWithoutAgendaOrDocumentsSaysSo() throws Exception {
        String html = rendering.html(section.answer(request("es", "4")).orElseThrow(), "es", "meetings/4");
        assertTrue(html.contains("El programa aún no se ha publicado."), html);
        assertTrue(html.contains("Aún no se ha publicado ningún documento."), html);
    }
}
