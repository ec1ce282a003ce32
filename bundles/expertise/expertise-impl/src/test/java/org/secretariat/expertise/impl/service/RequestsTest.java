package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.secretariat.expertise.impl.service.TestModule.TODAY;
import static org.secretariat.expertise.impl.service.TestModule.assertRefused;
import static org.secretariat.expertise.impl.service.TestModule.expert;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.expertise.api.PublicOffer;
import org.secretariat.expertise.impl.domain.RequestStatus;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class RequestsTest {

    private static final String VA = "Victim assistance";
    private final TestModule module;

    RequestsTest(TestModule module) {
        this.module = module;
    }

    private Requests.View request(String state, String theme, String language, String region, LocalDate received, LocalDate deadline) {
        return module.requests.create(new Requests.Input(state, theme, language, region, "ADVICE", "Support to the national plan", received, deadline,
                null), "specialist");
    }

    @Test
    void theCandidatesOfARequestAreRankedFromTheResourceBase() {
        String theme = "Clearance and risk reduction education";
        Experts.View themeOnly = module.experts.create(expert("Aïcha Ba", List.of(theme), List.of("en"), List.of("ASIA")));
        Experts.View themeAndLanguage = module.experts.create(expert("Bernard Leroy", List.of(theme), List.of("fr"), List.of("EUROPE")));
        Experts.View allThree = module.experts.create(expert("Zacharie Diouf", List.of(theme), List.of("fr", "wo"), List.of("AFRICA")));
        Experts.View otherTheme = module.experts.create(expert("Anne Faye", List.of("Universalization"), List.of("fr"), List.of("AFRICA")));
        Experts.View away = module.experts.create(new Experts.Input(null, "Abel Away", null, null, List.of(theme), List.of("fr"), List.of("AFRICA"),
                List.of("ADVICE"), null, List.of(new Experts.Window(TODAY.plusYears(1), TODAY.plusYears(2))), TODAY, null, null));

        Requests.View request = request("SN", theme, "fr", "AFRICA", TODAY.minusDays(2), TODAY.plusMonths(3));
        Requests.Matches matches = module.requests.matches(request.id());

        assertEquals(TODAY, matches.windowStart());
        assertEquals(TODAY.plusMonths(3), matches.windowEnd());
        assertEquals(List.of(allThree.id(), themeAndLanguage.id(), themeOnly.id()),
                matches.candidates().stream().map(Ranking.Candidate::expertId).collect(Collectors.toList()),
                "experts of another theme (" + otherTheme.id() + ") and unavailable ones (" + away.id() + ") are left out");
        assertEquals(List.of("THEME", "LANGUAGE", "REGION", "KIND"), matches.candidates().get(0).reasons());
        assertEquals(95, matches.candidates().get(0).score());

        // an expert busy with another request yields a tie to one who is not
        Experts.View twin = module.experts.create(expert("Zacharie Diouf", List.of(theme), List.of("fr"), List.of("AFRICA")));
        assertEquals(List.of(allThree.id(), twin.id()), top(request.id(), 2), "same points and name: the lower id");
        Requests.View other = request("SN", theme, "fr", "AFRICA", TODAY, null);
        module.requests.step(other.id(), new Requests.Step("MATCHED", null, null, allThree.id(), other.version()), "specialist");
        assertEquals(List.of(twin.id(), allThree.id()), top(request.id(), 2), "fewer open assignments first");
        assertEquals(1, module.requests.matches(request.id()).candidates().get(1).openAssignments());
    }

    private List<Long> top(long requestId, int n) {
        return module.requests.matches(requestId).candidates().stream().limit(n).map(Ranking.Candidate::expertId).collect(Collectors.toList());
    }

    @Test
    void aRequestGoesThroughItsWorkflowWithNotesAndDates() {
        Experts.View expert = module.experts.create(expert("Workflow Expert", List.of(VA), List.of("es"), List.of("AMERICAS")));
        Requests.View received = request("CO", VA, "es", "AMERICAS", TODAY.minusDays(20), null);
        assertEquals(RequestStatus.RECEIVED, received.status());
        assertEquals(List.of(RequestStatus.MATCHED), received.next());
        assertEquals("Colombia", received.state());

        assertRefused(Kind.CONFLICT, null, "Request " + received.id() + " is RECEIVED: it goes to MATCHED, not to DELIVERED",
                () -> module.requests.step(received.id(), new Requests.Step("DELIVERED", null, null, null, received.version()), "specialist"));
        assertRefused(Kind.INVALID, "expertId", "expertId is required: the expert chosen for the request",
                () -> module.requests.step(received.id(), new Requests.Step("MATCHED", null, null, null, received.version()), "specialist"));
        assertRefused(Kind.INVALID, "date", "date is before the request was received (" + TODAY.minusDays(20) + ")",
                () -> module.requests.step(received.id(), new Requests.Step("MATCHED", TODAY.minusDays(21), null, expert.id(), received.version()), "s"));
        assertRefused(Kind.INVALID, "status", "status must be one of RECEIVED, MATCHED, CONTACTED, DELIVERED, EVALUATED",
                () -> module.requests.step(received.id(), new Requests.Step("DONE", null, null, null, received.version()), "specialist"));

        Requests.View matched = module.requests.step(received.id(), new Requests.Step("matched", TODAY.minusDays(15), "Best fit", expert.id(),
                received.version()), "specialist");
        assertEquals("Workflow Expert", matched.expertName());
        assertRefused(Kind.CONFLICT, null, "Request " + received.id() + " was changed by someone else (now version " + matched.version()
                + "); reload and try again",
                () -> module.requests.step(received.id(), new Requests.Step("CONTACTED", null, null, null, received.version()), "specialist"));
        Requests.View declined = module.requests.step(received.id(), new Requests.Step("RECEIVED", TODAY.minusDays(14), "Declined: on mission",
                null, matched.version()), "specialist");
        assertNull(declined.expertId());
        assertNull(declined.matchedOn());
        Requests.View again = module.requests.step(received.id(), new Requests.Step("MATCHED", TODAY.minusDays(13), null, expert.id(),
                declined.version()), "specialist");
        Requests.View contacted = module.requests.step(received.id(), new Requests.Step("CONTACTED", TODAY.minusDays(12), null, null,
                again.version()), "specialist");
        Requests.View delivered = module.requests.step(received.id(), new Requests.Step("DELIVERED", TODAY.minusDays(5), "Workshop held",
                null, contacted.version()), "specialist");
        Requests.View evaluated = module.requests.step(received.id(), new Requests.Step("EVALUATED", TODAY, "Useful; follow-up in 2027", null,
                delivered.version()), "director");
        assertEquals(List.of(), evaluated.next());
        assertEquals(TODAY.minusDays(13), evaluated.matchedOn());
        assertEquals(TODAY.minusDays(12), evaluated.contactedOn());
        assertEquals(TODAY.minusDays(5), evaluated.deliveredOn());
        assertEquals(TODAY, evaluated.evaluatedOn());
        assertEquals(List.of(RequestStatus.RECEIVED, RequestStatus.MATCHED, RequestStatus.RECEIVED, RequestStatus.MATCHED, RequestStatus.CONTACTED,
                RequestStatus.DELIVERED, RequestStatus.EVALUATED), evaluated.notes().stream().map(Requests.Note::status).collect(Collectors.toList()));
        assertEquals("director", evaluated.notes().get(6).writtenBy());
        assertRefused(Kind.CONFLICT, null, "Request " + received.id() + " is EVALUATED: it goes to no other status, not to RECEIVED",
                () -> module.requests.step(received.id(), new Requests.Step("RECEIVED", null, null, null, evaluated.version()), "specialist"));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertRefused(Kind.INVALID, "stateIso2", "the contacts module knows no State XX",
                () -> request("XX", VA, "fr", "AFRICA", TODAY, null));
        assertRefused(Kind.INVALID, "stateIso2", "stateIso2 must be a State's ISO 3166-1 alpha-2 code, e.g. FR",
                () -> request("Senegal", VA, "fr", "AFRICA", TODAY, null));
        assertRefused(Kind.INVALID, "deadline", "deadline is before receivedOn", () -> request("SN", VA, "fr", "AFRICA", TODAY, TODAY.minusDays(1)));
        assertRefused(Kind.INVALID, "receivedOn", "receivedOn is in the future", () -> request("SN", VA, "fr", "AFRICA", TODAY.plusDays(1), null));
        assertRefused(Kind.NOT_FOUND, null, "No request 999999", () -> module.requests.matches(999999));
    }

    @Test
    void theYearsFiguresCountRequestsByThemeAndRegionAndTheDaysToAnswer() {
        // 2025: a year of its own, so the other tests' requests (2026) do not count
        LocalDate start = LocalDate.of(2025, 3, 1);
        Experts.View expert = module.experts.create(expert("Statistics Expert", List.of(VA, "Universalization"), List.of("fr"), List.of("AFRICA")));
        int[] days = {10, 30, 5};
        for (int days1 : days) {
            Requests.View r = request("SN", VA, "fr", "AFRICA", start, null);
            Requests.View m = module.requests.step(r.id(), new Requests.Step("MATCHED", start, null, expert.id(), r.version()), "s");
            Requests.View c = module.requests.step(r.id(), new Requests.Step("CONTACTED", start, null, null, m.version()), "s");
            module.requests.step(r.id(), new Requests.Step("DELIVERED", start.plusDays(days1), null, null, c.version()), "s");
        }
        request("LA", "Universalization", "en", "ASIA", LocalDate.of(2025, 12, 31), null);
        request("LA", "Universalization", "en", "ASIA", LocalDate.of(2024, 12, 31), null);

        Statistics.Year year = module.statistics.of(2025);
        assertEquals(4, year.received());
        assertEquals(Map.of(VA, 3, "Universalization", 1), year.byTheme());
        assertEquals(Map.of("AFRICA", 3, "ASIA", 1), year.byRegion());
        assertEquals(3, year.answered());
        assertEquals(new BigDecimal("15.0"), year.meanDays());
        assertEquals(new BigDecimal("10.0"), year.medianDays());
        assertEquals(30, year.longestDays());

        Statistics.Year empty = module.statistics.of(2010);
        assertEquals(0, empty.received());
        assertNull(empty.medianDays());
        assertRefused(Kind.INVALID, "year", "year is required, e.g. 2026", () -> module.statistics.of(null));
    }

    @Test
    void offersAreAStatesOrAnOrganisationsAndOnlyPublicOnesAreOffered() {
        String theme = "International cooperation and assistance";
        Offers.View byState = module.offers.create(new Offers.Input("fr", null, theme, "TRAINING", List.of("fr"), List.of("AFRICA", "EUROPE"),
                "Training of trainers", true, null));
        assertEquals("France", byState.provider());
        assertEquals("FR", byState.stateIso2());
        module.offers.create(new Offers.Input(null, "Geneva Centre", theme, "ADVICE", List.of("en"), List.of("ASIA"), "Legal advice", false, null));
        assertRefused(Kind.INVALID, "stateIso2", "an offer is made by a State (stateIso2) or by an organisation (organisation), one of the two",
                () -> module.offers.create(new Offers.Input("FR", "Geneva Centre", theme, "ADVICE", List.of("en"), List.of("ASIA"), "x", false, null)));

        assertEquals(2, module.offers.list(theme).size());
        List<PublicOffer> published = module.offers.offers(theme);
        assertEquals(1, published.size(), "the private offer is not offered");
        assertEquals(new PublicOffer(byState.id(), "France", "FR", theme, "TRAINING", List.of("fr"), List.of("AFRICA", "EUROPE"), "Training of trainers"),
                published.get(0));

        Offers.View hidden = module.offers.update(byState.id(), new Offers.Input("FR", null, theme, "TRAINING", List.of("fr"), List.of("AFRICA"),
                "Training of trainers", false, byState.version()));
        assertEquals(List.of(), module.offers.offers(theme));
        module.offers.delete(hidden.id());
        assertEquals(1, module.offers.list(theme).size());
    }
}
