package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secretariat.sponsorship.api.SponsorshipStatistics;

class SponsorshipSectionTest {

    private static final SiteMessages MESSAGES = new SiteMessages();

    private static Optional<Answer> ask(SponsorshipSection section, String language, String... segments) {
        return section.answer(new SiteRequest(language, true, List.of(segments), Map.of()));
    }

    @Test
    void theFiguresPerMeetingInThePagesLanguageAndNoName() throws Exception {
        SponsorshipStatistics statistics = () -> List.of(new SponsorshipStatistics.MeetingFigures(4, "Fourteenth Meeting of States Parties",
                LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 16), 1234, 37, new BigDecimal("0.45")),
                new SponsorshipStatistics.MeetingFigures(2, "Intersessional meeting", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5), 3, 3, null));
        SponsorshipSection section = new SponsorshipSection(statistics, MESSAGES);
        String html = Rendering.render((Answer.Rendered) ask(section, "fr").orElseThrow(), "fr", MESSAGES);
        assertTrue(html.contains("<h1>Programme de parrainage</h1>"), html);
        assertTrue(html.contains("<th scope=\"row\">Fourteenth Meeting of States Parties</th><td><time datetime=\"2026-09-12\">12 septembre 2026</time></td>"
                + "<td class=\"num\">1\u202f234</td><td class=\"num\">37</td><td class=\"num\">45\u00a0%</td>"), html);
        assertTrue(html.contains("<td class=\"num\">3</td><td class=\"num\"></td>"), "no gender given: no share");
        assertFalse(html.contains("style="), "no inline style");
        assertEquals(Optional.empty(), ask(section, "en", "4"), "no address below the section");
        assertEquals(List.of("sponsorship"), section.sitemap());
    }

    @Test
    void nothingApprovedYetIsASentence() throws Exception {
        String html = Rendering.render((Answer.Rendered) ask(new SponsorshipSection(List::of, MESSAGES), "en").orElseThrow(), "en", MESSAGES);
        assertTrue(html.contains("<p>No sponsorship figures have been published yet.</p>"), html);
        assertFalse(html.contains("<table"), html);
    }
}
