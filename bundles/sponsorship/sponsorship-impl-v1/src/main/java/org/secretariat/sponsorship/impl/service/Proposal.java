package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.secretariat.sponsorship.impl.domain.Adjustment;

/**
 * The selection: eligible applications ranked and funded in order while the fund's balance covers the
 * next one.
 * <ul>
 * <li>Order: those staff included first, then by points (most first), ties by submission time (earliest
 * first), then by id.</li>
 * <li>Those staff excluded are listed, never funded.</li>
 * <li>One whose cost is unknown (no fare quoted, no DSA rate for the venue city) is passed over, as is
 * one whose state has its maximum of sponsored delegates already: the next one may be funded.</li>
 * <li>Once the places are taken, or the balance does not cover the next one, the list <b>stops</b>: a
 * cheaper application further down is not funded ahead of one ranked higher (the ranking is the
 * programme's policy; staff who want it may include that one).</li>
 * </ul>
 * With applications of 3,100 each and a balance of 50,000: 16 are funded, 49,600, leaving 400.
 */
public final class Proposal {

    /** An application as the selection sees it; {@code cost} null when unknown. */
    public record Candidate(long id, String stateIso2, int points, Instant submittedAt, BigDecimal cost, Adjustment adjustment) {
    }

    /** Why a line is or is not funded. */
    public enum Outcome {
        FUNDED,
        EXCLUDED,
        COST_UNKNOWN,
        STATE_LIMIT,
        NO_PLACE,
        BALANCE
    }

    /** A line of the proposal in its order; {@code balanceAfter} is the balance once the funded lines so far are paid. */
    public record Line(long id, int rank, Outcome outcome, BigDecimal balanceAfter) {
    }

    public record Result(List<Line> lines, int funded, BigDecimal total, BigDecimal left) {
    }

    static final Comparator<Candidate> ORDER = Comparator.comparing((Candidate c) -> c.adjustment() == Adjustment.INCLUDE ? 0 : 1)
            .thenComparing(Comparator.comparingInt(Candidate::points).reversed())
            .thenComparing(Candidate::submittedAt)
            .thenComparingLong(Candidate::id);

    private Proposal() {
    }

    public static Result propose(List<Candidate> candidates, BigDecimal balance, int places, int maxPerState) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(ORDER);
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> perState = new HashMap<>();
        BigDecimal left = balance;
        BigDecimal total = BigDecimal.ZERO;
        int funded = 0;
        boolean stopped = false;
        int rank = 0;
        for (Candidate candidate : ordered) {
            rank++;
            Outcome outcome;
            if (candidate.adjustment() == Adjustment.EXCLUDE) {
                outcome = Outcome.EXCLUDED;
            } else if (stopped) {
                outcome = funded >= places ? Outcome.NO_PLACE : Outcome.BALANCE;
            } else if (candidate.cost() == null) {
                outcome = Outcome.COST_UNKNOWN;
            } else if (perState.getOrDefault(candidate.stateIso2(), 0) >= maxPerState) {
                outcome = Outcome.STATE_LIMIT;
            } else if (funded >= places) {
                stopped = true;
                outcome = Outcome.NO_PLACE;
            } else if (candidate.cost().compareTo(left) > 0) {
                stopped = true;
                outcome = Outcome.BALANCE;
            } else {
                outcome = Outcome.FUNDED;
                funded++;
                left = left.subtract(candidate.cost());
                total = total.add(candidate.cost());
                perState.merge(candidate.stateIso2(), 1, Integer::sum);
            }
            lines.add(new Line(candidate.id(), rank, outcome, left));
        }
        return new Result(lines, funded, total, left);
    }
}
