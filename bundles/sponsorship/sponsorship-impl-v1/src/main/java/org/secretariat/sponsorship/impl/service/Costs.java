package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What sponsoring one delegate costs: the economy fare quoted, the daily subsistence allowance (DSA) of
 * the venue city for each night, and the terminal expenses. The nights run from the day before the
 * meeting's first day to the day after its last: a meeting of 12 to 16 September gives 6 nights, and a
 * fare of 1,200, a DSA of 300 and terminal expenses of 100 cost 1,200 + 6 × 300 + 100 = 3,100.
 */
public final class Costs {

    /** A delegate's cost, each part in the fund's currency. */
    public record Cost(BigDecimal fare, BigDecimal dsaRate, int nights, BigDecimal dsa, BigDecimal terminalExpenses, BigDecimal total) {
    }

    private Costs() {
    }

    /** The nights paid for a meeting from {@code first} to {@code last} (inclusive): arrival the day before, departure the day after. */
    public static int nights(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a meeting ends on or after its first day: " + first + " to " + last);
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(first.minusDays(1), last.plusDays(1)));
    }

    public static Cost cost(BigDecimal fare, BigDecimal dsaRate, int nights, BigDecimal terminalExpenses) {
        BigDecimal dsa = dsaRate.multiply(BigDecimal.valueOf(nights));
        return new Cost(fare, dsaRate, nights, dsa, terminalExpenses, fare.add(dsa).add(terminalExpenses));
    }
}
