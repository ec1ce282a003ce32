package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.secretariat.website.impl.service.ConventionDates;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;

class StatusSectionTest {

    private static final SiteMessages MESSAGES = new SiteMessages();
    private static final WorldMap MAP = new WorldMap();

    private static FakeStates directory() {
        return new FakeStates()
                .party("FR", Map.of("en", "France", "fr", "France", "es", "Francia"), Instrument.RATIFICATION, LocalDate.of(2008, 12, 3),
                        LocalDate.of(2011, 3, 15), LocalDate.of(2011, 9, 1))
                .party("EG", Map.of("en", "Egypt", "fr", "Égypte", "es", "Egipto"), Instrument.ACCESSION, null, LocalDate.of(2010, 2, 16),
                        LocalDate.of(2010, 8, 1))
                .party("ZM", Map.of("en", "Zambia", "fr", "Zambie", "es", "Zambia"), Instrument.RATIFICATION, LocalDate.of(2008, 12, 3),
                        LocalDate.of(2009, 8, 12), LocalDate.of(2010, 2, 1))
                .party("AT", Map.of("en", "Austria", "fr", "Autriche", "es", "Austria"), Instrument.RATIFICATION, LocalDate.of(2008, 12, 3),
                        LocalDate.of(2009, 4, 2), LocalDate.of(2009, 10, 1))
                .signatory("AO", Map.of("en", "Angola", "fr", "Angola", "es", "Angola"), LocalDate.of(2008, 12, 3))
                .notParty("US", Map.of("en", "United States", "fr", "États-Unis", "es", "Estados Unidos"));
    }

    @Test
    void theConventionsDateIsTheProfilesAndNoStateComesIntoForceBeforeIt() throws Exception {
        // Austria deposited in April 2009: contacts dates it October 2009, but the treaty entered into force on 1 August 2010
        StatusSection section = new StatusSection(directory(), MESSAGES, MAP, new ConventionDates(LocalDate.of(2010, 8, 1)));
        String html = Rendering.render((Answer.Rendered) section.answer(new SiteRequest("en", true, List.of(), Map.of())).orElseThrow(), "en", MESSAGES);
        assertTrue(html.contains("<time datetime=\"2010-08-01\">1 August 2010</time>"), html);
        assertTrue(html.contains("<th scope=\"row\">Austria</th><td>Ratification</td><td><time datetime=\"2008-12-03\">3 December 2008</time></td>"
                + "<td><time datetime=\"2009-04-02\">2 April 2009</time></td><td><time datetime=\"2010-08-01\">1 August 2010</time></td>"), html);
        assertTrue(html.contains("<td><time datetime=\"2011-09-01\">1 September 2011</time></td>"), "a later state keeps its own date");

        StatusSection unconfigured = new StatusSection(directory(), MESSAGES, MAP, new ConventionDates());
        String without = Rendering.render((Answer.Rendered) unconfigured.answer(new SiteRequest("en", true, List.of(), Map.of())).orElseThrow(),
                "en", MESSAGES);
        assertFalse(without.contains("entered into force on"), "no date rather than a wrong one");
    }

    @Test
    void statesAreSortedByTheirNameInThePagesLanguage() {
        List<StateSummary> parties = directory().states(TreatyStatus.STATE_PARTY);
        assertEquals(List.of("Autriche", "Égypte", "France", "Zambie"), names(StatusSection.sortedByName(parties, "fr"), "fr"),
                "É sorts with E in French, not after Z as a plain string comparison would put it");
        assertEquals(List.of("Austria", "Egipto", "Francia", "Zambia"), names(StatusSection.sortedByName(parties, "es"), "es"));
        assertEquals(List.of("Austria", "Egypt", "France", "Zambia"), names(StatusSection.sortedByName(parties, "en"), "en"));
    }

    @Test
    void thePageShowsTheCountsTheTablesAndTheMapColouredByStatus() throws Exception {
        StatusSection section = new StatusSection(directory(), MESSAGES, MAP, new ConventionDates(LocalDate.of(2009, 10, 1)));
        Answer.Rendered answer = (Answer.Rendered) section.answer(new SiteRequest("fr", true, List.of(), Map.of())).orElseThrow();
        String html = Rendering.render(answer, "fr", MESSAGES);

        assertTrue(html.contains("<h1>État de la Convention</h1>"), html);
        assertTrue(html.contains("<dd>4</dd>") && html.contains("<dd>1</dd>"), "counts");
        assertTrue(html.contains("La Convention est entrée en vigueur le <time datetime=\"2009-10-01\">1 octobre 2009</time>"), html);
        // The tables, in French order, with the dates of France.
        int austria = html.indexOf("<th scope=\"row\">Autriche</th>");
        int egypt = html.indexOf("<th scope=\"row\">Égypte</th>");
        int zambia = html.indexOf("<th scope=\"row\">Zambie</th>");
        assertTrue(austria > 0 && austria < egypt && egypt < zambia, "sorted by French name");
        assertTrue(html.contains("<th scope=\"row\">France</th><td>Ratification</td><td><time datetime=\"2008-12-03\">3 décembre 2008</time></td>"
                + "<td><time datetime=\"2011-03-15\">15 mars 2011</time></td><td><time datetime=\"2011-09-01\">1 septembre 2011</time></td>"), html);
        assertTrue(html.contains("<td>Adhésion</td>"), "the instrument in the page's language");
        assertTrue(html.contains("<th scope=\"row\">Angola</th><td><time datetime=\"2008-12-03\">"), "the signatory");
        // The map: accessible, coloured by class, without any style attribute (the CSP forbids them).
        assertTrue(html.contains("role=\"img\" aria-labelledby=\"status-map-title status-map-desc\""), html);
        assertTrue(html.contains("<title id=\"status-map-title\">Carte de l’état de la Convention</title>"), html);
        assertEquals("state-party", classOf(html, "France"));
        assertEquals("signatory", classOf(html, "Angola"));
        assertEquals("not-party", classOf(html, "États-Unis"));
        assertEquals("unknown", classOf(html, "Allemagne"), "a state the directory does not have");
        assertFalse(html.contains("style="), "no inline style");
        assertFalse(html.contains("<script"), "no script");
        assertTrue(html.contains("<rect class=\"state-party\""), "the legend shares the map's classes");
        assertTrue(html.length() < 200_000, "page weight: " + html.length());
    }

    @Test
    void theHomePageBlockCountsAndLinks() throws Exception {
        StatusSection section = new StatusSection(directory(), MESSAGES, MAP, new ConventionDates(LocalDate.of(2009, 10, 1)));
        String html = Rendering.renderHome(List.of(section.home("en").orElseThrow()), "en", MESSAGES);
        assertTrue(html.contains("<li>States Parties: 4</li>"), html);
        assertTrue(html.contains("<li>Signatories: 1</li>"), html);
        assertTrue(html.contains("<a href=\"/en/status\">"), html);
        assertEquals(Optional.of(new Section.NavigationEntry("status.title", 30)), section.navigation());
        assertEquals(List.of("status"), section.sitemap());
    }

    @Test
    void onlyTheSectionsOwnAddressAnswers() throws Exception {
        StatusSection section = new StatusSection(directory(), MESSAGES, MAP, new ConventionDates(LocalDate.of(2009, 10, 1)));
        assertEquals(Optional.empty(), section.answer(new SiteRequest("en", true, List.of("FR"), Map.of())));
    }

    /** The class of the map's path titled with this name. */
    private static String classOf(String html, String name) {
        Matcher matcher = Pattern.compile("<path class=\"([a-z-]+)\" d=\"[^\"]+\"><title>" + Pattern.quote(name) + "</title></path>").matcher(html);
        assertTrue(matcher.find(), name + " on the map");
        return matcher.group(1);
    }

    private static List<String> names(List<StateSummary> states, String language) {
        return states.stream().map(s -> s.name(language)).toList();
    }
}
