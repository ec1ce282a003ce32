package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.api.ContributionTotals;
import org.secretariat.finance.api.DonorContribution;
import org.secretariat.finance.api.PublishedContributions;
import org.secretariat.finance.api.StateContribution;

class ContributionsSectionTest {

    private static final SiteMessages MESSAGES = new SiteMessages();

    /** The published tables by year, as finance offers them: nothing else. */
    private static final class Published implements PublishedContributions {
        private final TreeMap<Integer, ContributionTable> tables = new TreeMap<>();

        Published with(ContributionTable table) {
            tables.put(table.year(), table);
            return this;
        }

        @Override
        public Optional<ContributionTable> published(int year) {
            return Optional.ofNullable(tables.get(year));
        }

        @Override
        public List<Integer> publishedYears() {
            return List.copyOf(tables.descendingKeySet());
        }
    }

    private static ContributionTable table(int year) {
        return new ContributionTable(year, LocalDate.of(year, 11, 30), "CHF", Instant.parse(year + "-12-01T10:00:00Z"),
                List.of(new StateContribution("NO", "Norway", new BigDecimal("38666.67"), new BigDecimal("10000.00"), new BigDecimal("28666.67"),
                                BigDecimal.ZERO, "PARTLY_PAID"),
                        new StateContribution("AT", "Austria", new BigDecimal("1000.00"), new BigDecimal("1000.00"), BigDecimal.ZERO,
                                new BigDecimal("50"), "PAID"),
                        new StateContribution("B", null, new BigDecimal("500"), BigDecimal.ZERO, new BigDecimal("500"), BigDecimal.ZERO, "UNPAID")),
                List.of(new DonorContribution("Foundation for Peace", new BigDecimal("200.00"))),
                new ContributionTotals(new BigDecimal("40166.67"), new BigDecimal("11000.00"), new BigDecimal("29166.67"), new BigDecimal("550.00"),
                        new BigDecimal("300.00")));
    }

    private static Optional<Answer> ask(ContributionsSection section, String language, Map<String, String> query, String... segments) {
        return section.answer(new SiteRequest(language, true, List.of(segments), query));
    }

    @Test
    void anUnpublishedYearIsNotFound() {
        ContributionsSection section = new ContributionsSection(new Published().with(table(2025)), MESSAGES);
        assertEquals(Optional.empty(), ask(section, "en", Map.of("year", "2024")), "a year never published: 404");
        assertEquals(Optional.empty(), ask(section, "en", Map.of("year", "next")), "not a year: 404");
        assertEquals(Optional.empty(), ask(section, "en", Map.of("year", "20255")));
        assertEquals(Optional.empty(), ask(section, "en", Map.of(), "2025"), "no address below the section");
        assertTrue(ask(section, "en", Map.of("year", "2025")).isPresent());
        assertEquals(Optional.empty(), ask(new ContributionsSection(new Published(), MESSAGES), "en", Map.of("year", "2025")),
                "nothing published: a year asked for is still a 404");
    }

    @Test
    void nothingPublishedIsASentenceNotAnError() throws Exception {
        ContributionsSection section = new ContributionsSection(new Published(), MESSAGES);
        Answer.Rendered answer = (Answer.Rendered) ask(section, "es", Map.of()).orElseThrow();
        String html = Rendering.render(answer, "es", MESSAGES);
        assertTrue(html.contains("<p>Todavía no se ha publicado ningún estado de las contribuciones.</p>"), html);
        assertFalse(html.contains("<table"), html);
        assertEquals(List.of("contributions"), section.sitemap());
    }

    @Test
    void thePublishedTableInThePagesLanguageWithTheOtherYearsAsLinks() throws Exception {
        ContributionsSection section = new ContributionsSection(new Published().with(table(2024)).with(table(2025)), MESSAGES,
                new FakeStates().party("NO", Map.of("en", "Norway", "fr", "Norvège"), null, null, null, null));
        Answer.Rendered newest = (Answer.Rendered) ask(section, "fr", Map.of()).orElseThrow();
        String html = Rendering.render(newest, "fr", MESSAGES);
        assertTrue(html.contains("<h1>État des contributions 2025</h1>"), html);
        assertTrue(html.contains("<span aria-current=\"page\">2025</span>"), html);
        assertTrue(html.contains("<a href=\"/fr/contributions?year=2024\">2024</a>"), html);
        assertTrue(html.contains("<time datetime=\"2025-11-30\">30 novembre 2025</time>"), html);
        // Names in French (the directory's, else the JDK's, else the code), sorted in French; amounts with French separators.
        int austria = html.indexOf("<th scope=\"row\">Autriche</th>");
        int b = html.indexOf("<th scope=\"row\">B</th>");
        int norway = html.indexOf("<th scope=\"row\">Norvège</th>");
        assertTrue(austria > 0 && austria < b && b < norway, html);
        assertTrue(html.contains("<td class=\"num\">38\u202f666,67</td>"), html);
        assertTrue(html.contains("<td>Payé en partie</td>"), html);
        assertTrue(html.contains("<th scope=\"row\">Foundation for Peace</th><td class=\"num\">200,00</td>"), html);
        assertTrue(html.contains("300,00 CHF"), "the unnamed donors' total");
        assertEquals(List.of("contributions", "contributions?year=2024"), section.sitemap());

        String older = Rendering.render((Answer.Rendered) ask(section, "en", Map.of("year", "2024")).orElseThrow(), "en", MESSAGES);
        assertTrue(older.contains("<h1>Status of contributions 2024</h1>"), older);
        assertTrue(older.contains("<th scope=\"row\">Norway</th><td class=\"num\">38,666.67</td>"), older);
        assertFalse(older.contains("style="), "no inline style");
    }
}
