package org.secretariat.sponsorship.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.secretariat.sponsorship.impl.domain.Adjustment;
import org.secretariat.sponsorship.impl.service.Proposal.Candidate;
import org.secretariat.sponsorship.impl.service.Proposal.Outcome;

/** Nights and costs, points, and the selection within the balance: the examples and the edges. */
class CostsAndProposalTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void aMeetingOf12To16SeptemberGives6Nights() {
        assertEquals(6, Costs.nights(LocalDate.of(2025, 9, 12), LocalDate.of(2025, 9, 16)));
        assertEquals(2, Costs.nights(LocalDate.of(2025, 9, 12), LocalDate.of(2025, 9, 12)), "a one-day meeting: the night before and the night after");
        assertEquals(4, Costs.nights(LocalDate.of(2025, 2, 27), LocalDate.of(2025, 3, 1)), "across the end of February");
    }

    @Test
    void fare1200Dsa300Terminal100Cost3100() {
        Costs.Cost cost = Costs.cost(new BigDecimal("1200"), new BigDecimal("300"), 6, new BigDecimal("100"));
        assertEquals(0, new BigDecimal("3100").compareTo(cost.total()));
        assertEquals(0, new BigDecimal("1800").compareTo(cost.dsa()));
    }

    private static List<Candidate> equal(int count, String cost) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(new Candidate(i + 1, "S" + (char) ('A' + i), 10, T0.plusSeconds(i), new BigDecimal(cost), null));
        }
        return candidates;
    }

    @Test
    void aBalanceOf50000Funds16ApplicantsOf3100Leaving400() {
        Proposal.Result result = Proposal.propose(equal(20, "3100"), new BigDecimal("50000"), 100, 1);
        assertEquals(16, result.funded());
        assertEquals(0, new BigDecimal("49600").compareTo(result.total()));
        assertEquals(0, new BigDecimal("400").compareTo(result.left()));
        assertEquals(Outcome.BALANCE, result.lines().get(16).outcome());
        assertEquals(0, new BigDecimal("400").compareTo(result.lines().get(15).balanceAfter()), "the balance as it changes, line by line");
    }

    @Test
    void aFundExactlyExhausted() {
        Proposal.Result result = Proposal.propose(equal(17, "3100"), new BigDecimal("49600"), 100, 1);
        assertEquals(16, result.funded());
        assertEquals(0, BigDecimal.ZERO.compareTo(result.left()));
    }

    @Test
    void pointsFirstThenTheEarliestSubmission() {
        List<Candidate> candidates = List.of(new Candidate(1, "AA", 5, T0, new BigDecimal("100"), null),
                new Candidate(2, "BB", 9, T0.plusSeconds(60), new BigDecimal("100"), null),
                new Candidate(3, "CC", 9, T0.plusSeconds(30), new BigDecimal("100"), null),
                new Candidate(4, "DD", 9, T0.plusSeconds(90), new BigDecimal("100"), null));
        Proposal.Result result = Proposal.propose(candidates, new BigDecimal("250"), 10, 1);
        assertEquals(List.of(3L, 2L, 4L, 1L), result.lines().stream().map(Proposal.Line::id).collect(Collectors.toList()), "a tie: the earliest first");
        assertEquals(List.of(Outcome.FUNDED, Outcome.FUNDED, Outcome.BALANCE, Outcome.BALANCE),
                result.lines().stream().map(Proposal.Line::outcome).collect(Collectors.toList()));
    }

    @Test
    void theListStopsAtTheFirstApplicantTheBalanceDoesNotCoverEvenIfACheaperOneFollows() {
        List<Candidate> candidates = List.of(new Candidate(1, "AA", 9, T0, new BigDecimal("3000"), null),
                new Candidate(2, "BB", 8, T0, new BigDecimal("5000"), null),
                new Candidate(3, "CC", 7, T0, new BigDecimal("1000"), null));
        Proposal.Result result = Proposal.propose(candidates, new BigDecimal("5000"), 10, 1);
        assertEquals(1, result.funded());
        assertEquals(List.of(Outcome.FUNDED, Outcome.BALANCE, Outcome.BALANCE),
                result.lines().stream().map(Proposal.Line::outcome).collect(Collectors.toList()));
    }

    @Test
    void aStateAtItsMaximumAndAnUnknownCostArePassedOverStaffIncludeAndExclude() {
        List<Candidate> candidates = List.of(new Candidate(1, "AA", 9, T0, new BigDecimal("100"), null),
                new Candidate(2, "AA", 8, T0, new BigDecimal("100"), null),
                new Candidate(3, "BB", 7, T0, null, null),
                new Candidate(4, "CC", 6, T0, new BigDecimal("100"), Adjustment.EXCLUDE),
                new Candidate(5, "DD", 1, T0, new BigDecimal("100"), Adjustment.INCLUDE),
                new Candidate(6, "EE", 5, T0, new BigDecimal("100"), null));
        Proposal.Result result = Proposal.propose(candidates, new BigDecimal("1000"), 3, 1);
        assertEquals(List.of(5L, 1L, 2L, 3L, 4L, 6L), result.lines().stream().map(Proposal.Line::id).collect(Collectors.toList()));
        assertEquals(List.of(Outcome.FUNDED, Outcome.FUNDED, Outcome.STATE_LIMIT, Outcome.COST_UNKNOWN, Outcome.EXCLUDED, Outcome.FUNDED),
                result.lines().stream().map(Proposal.Line::outcome).collect(Collectors.toList()));
        Proposal.Result twoPlaces = Proposal.propose(candidates, new BigDecimal("1000"), 2, 1);
        assertEquals(Outcome.NO_PLACE, twoPlaces.lines().get(5).outcome(), "the places are taken");
    }

    @Test
    void pointsAreTheWeightsOfTheCriteriaMet() {
        Points.Weights weights = new Points.Weights(10, 5, 3, 2, 1);
        assertEquals(new Points.Score(13, List.of("stateParty", "notSponsoredBefore")),
                Points.score(weights, new Points.Facts(true, false, true, false, false)));
        assertEquals(21, Points.score(weights, new Points.Facts(true, true, true, true, true)).points());
        assertEquals(0, Points.score(weights, new Points.Facts(false, false, false, false, false)).points());
    }
}
