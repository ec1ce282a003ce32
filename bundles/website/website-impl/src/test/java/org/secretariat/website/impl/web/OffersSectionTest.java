package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.secretariat.expertise.api.PublicOffer;
import org.secretariat.expertise.api.PublicOffers;

class OffersSectionTest {

    private static final SiteMessages MESSAGES = new SiteMessages();

    /** The public offers as the expertise module gives them: nothing else. */
    private static final class Offers implements PublicOffers {
        final List<PublicOffer> offers = new ArrayList<>();

        @Override
        public List<PublicOffer> offers(String theme) {
            return offers;
        }
    }

    private static Optional<Answer> ask(OffersSection section, String language, String... segments) {
        return section.answer(new SiteRequest(language, true, List.of(segments), Map.of()));
    }

    @Test
    void thePublicOffersAreShownByThemeInThePagesLanguageEscaped() throws Exception {
        Offers offers = new Offers();
        offers.offers.add(new PublicOffer(1, "France", "FR", "Victim assistance", "TRAINING", List.of("fr"), List.of("AFRICA", "EUROPE"),
                "Training of trainers <script>alert(1)</script>"));
        offers.offers.add(new PublicOffer(2, "Geneva Centre", null, "Victim assistance", "ADVICE", List.of("en", "fr"), List.of("ASIA"), "Advice"));
        offers.offers.add(new PublicOffer(3, "Norway", "NO", "Universalization", "FIELD_WORK", List.of("en"), List.of("MARS"), "Visits"));
        OffersSection section = new OffersSection(offers, MESSAGES);

        String html = Rendering.render((Answer.Rendered) ask(section, "fr").orElseThrow(), "fr", MESSAGES);
        assertTrue(html.contains("<h1>Offres d&#39;expertise</h1>") || html.contains("<h1>Offres d'expertise</h1>"), html);
        assertTrue(html.contains("<caption>Victim assistance</caption>") && html.contains("<caption>Universalization</caption>"), html);
        assertTrue(html.contains("<th scope=\"row\">France</th><td>Formation</td><td>fr</td><td>Afrique, Europe</td>"), html);
        assertTrue(html.contains("<td>Travail de terrain</td><td>en</td><td>MARS</td>"), "an unknown code shows as it is: " + html);
        assertFalse(html.contains("<script>alert(1)</script>"), "an offer's text is escaped");
        assertEquals(Optional.empty(), ask(section, "en", "1"), "no address below the section");

        offers.offers.clear();
        String none = Rendering.render((Answer.Rendered) ask(section, "es").orElseThrow(), "es", MESSAGES);
        assertTrue(none.contains("<p>Aún no se ha publicado ninguna oferta de conocimientos especializados.</p>"), none);
        assertFalse(none.contains("<table"), none);
    }
}
