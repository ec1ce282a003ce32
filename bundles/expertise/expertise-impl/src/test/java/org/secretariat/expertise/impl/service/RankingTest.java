package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String VA = "Victim assistance";
    private static final Ranking.Wanted VICTIM_ASSISTANCE_FR_AFRICA = new Ranking.Wanted(VA, "fr", "AFRICA", "ADVICE", TODAY, TODAY.plusMonths(2));

    private static Ranking.Profile expert(long id, String name, List<String> themes, List<String> languages, List<String> regions) {
        return expert(id, name, themes, languages, regions, List.of(), 0);
    }

    private static Ranking.Profile expert(long id, String name, List<String> themes, List<String> languages, List<String> regions,
            List<Experts.Window> availability, int open) {
        return new Ranking.Profile(id, name, null, themes, languages, regions, List.of("TRAINING"), availability, TODAY.plusYears(1), open);
    }

    private static List<Long> order(List<Ranking.Candidate> candidates) {
        return candidates.stream().map(Ranking.Candidate::expertId).collect(Collectors.toList());
    }

    @Test
    void themeLanguageAndRegionRankAboveThemeAndLanguageAboveThemeAlone() {
        // named so that alphabetical order or the ids would give the opposite order
        Ranking.Profile themeOnly = expert(1, "Aminata Diallo", List.of(VA), List.of("en"), List.of("ASIA"));
        Ranking.Profile themeAndLanguage = expert(2, "Bruno Petit", List.of(VA), List.of("fr", "en"), List.of("EUROPE"));
        Ranking.Profile allThree = expert(3, "Zoé Ndiaye", List.of(VA, "Universalization"), List.of("fr"), List.of("AFRICA"));
        Ranking.Profile languageAndRegionOnly = expert(4, "Abdou Sarr", List.of("Universalization"), List.of("fr"), List.of("AFRICA"));

        List<Ranking.Candidate> ranked = Ranking.rank(VICTIM_ASSISTANCE_FR_AFRICA, List.of(themeOnly, themeAndLanguage, allThree, languageAndRegionOnly),
                TODAY);

        assertEquals(List.of(3L, 2L, 1L), order(ranked), "all three, then theme and language, then theme only; no theme, no candidate");
        assertEquals(List.of(85, 65, 40), ranked.stream().map(Ranking.Candidate::score).collect(Collectors.toList()));
        assertEquals(List.of("THEME", "LANGUAGE", "REGION"), ranked.get(0).reasons());
        assertEquals(List.of("THEME", "LANGUAGE"), ranked.get(1).reasons());
        assertEquals(List.of("THEME"), ranked.get(2).reasons());
    }

    @Test
    void kindAndAvailabilityAddPointsButNeverOutweighLanguageOrRegion() {
        Ranking.Wanted training = new Ranking.Wanted(VA, "fr", "AFRICA", "TRAINING", TODAY, TODAY.plusMonths(2));
        List<Experts.Window> available = List.of(new Experts.Window(TODAY.plusWeeks(1), TODAY.plusWeeks(3)));
        Ranking.Profile themeKindAvailable = expert(1, "A", List.of(VA), List.of("en"), List.of("ASIA"), available, 0);
        Ranking.Profile themeAndLanguage = new Ranking.Profile(2, "B", null, List.of(VA), List.of("fr"), List.of("ASIA"), List.of("ADVICE"), List.of(),
                TODAY.plusYears(1), 0);

        List<Ranking.Candidate> ranked = Ranking.rank(training, List.of(themeKindAvailable, themeAndLanguage), TODAY);

        assertEquals(List.of(2L, 1L), order(ranked));
        assertEquals(List.of("THEME", "KIND", "AVAILABLE"), ranked.get(1).reasons());
        assertEquals(55, ranked.get(1).score());
    }

    @Test
    void unavailableAndExpiredProfilesAreLeftOut() {
        Ranking.Profile busy = expert(1, "Busy", List.of(VA), List.of("fr"), List.of("AFRICA"),
                List.of(new Experts.Window(TODAY.minusMonths(3), TODAY.minusDays(1)), new Experts.Window(TODAY.plusMonths(3), TODAY.plusMonths(4))), 0);
        Ranking.Profile expired = new Ranking.Profile(2, "Expired", null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), List.of(),
                TODAY.minusDays(1), 0);
        Ranking.Profile lastDay = new Ranking.Profile(3, "Last day", null, List.of(VA), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), List.of(),
                TODAY, 0);
        Ranking.Profile onTheDeadline = expert(4, "On the deadline", List.of(VA), List.of("fr"), List.of("AFRICA"),
                List.of(new Experts.Window(TODAY.plusMonths(2), TODAY.plusMonths(5))), 0);

        List<Ranking.Candidate> ranked = Ranking.rank(VICTIM_ASSISTANCE_FR_AFRICA, List.of(busy, expired, lastDay, onTheDeadline), TODAY);

        assertEquals(List.of(3L, 4L), order(ranked), "available on the deadline's day counts; retained until today counts");
        assertEquals(List.of("THEME", "LANGUAGE", "REGION", "AVAILABLE"), ranked.get(1).reasons(), "they train, the request wants advice");

        Ranking.Wanted openEnded = new Ranking.Wanted(VA, "fr", "AFRICA", "ADVICE", TODAY, null);
        assertEquals(List.of(3L, 1L, 4L), order(Ranking.rank(openEnded, List.of(busy, expired, lastDay, onTheDeadline), TODAY)),
                "without a deadline, any period from today on will do (and earns the point)");
    }

    @Test
    void tiesGoToFewerOpenAssignmentsThenNameThenId() {
        Ranking.Profile loaded = expert(1, "Aaron", List.of(VA), List.of("fr"), List.of("AFRICA"), List.of(), 2);
        Ranking.Profile eva = expert(2, "Eva", List.of(VA), List.of("fr"), List.of("AFRICA"), List.of(), 0);
        Ranking.Profile emile = expert(3, "Émile", List.of(VA), List.of("fr"), List.of("AFRICA"), List.of(), 0);
        Ranking.Profile emileAgain = expert(4, "emile", List.of(VA), List.of("fr"), List.of("AFRICA"), List.of(), 0);
        Ranking.Profile oneOpen = expert(5, "Zed", List.of(VA), List.of("fr"), List.of("AFRICA"), List.of(), 1);

        List<Ranking.Profile> profiles = List.of(loaded, eva, emileAgain, oneOpen, emile);
        List<Ranking.Candidate> ranked = Ranking.rank(VICTIM_ASSISTANCE_FR_AFRICA, profiles, TODAY);

        assertEquals(List.of(3L, 4L, 2L, 5L, 1L), order(ranked),
                "Émile and emile (same name, accents and case aside) by id, before Eva; then one open assignment, then two");
        assertEquals(order(ranked), order(Ranking.rank(VICTIM_ASSISTANCE_FR_AFRICA, List.of(emile, oneOpen, emileAgain, eva, loaded), TODAY)),
                "the order given does not matter");
    }
}
