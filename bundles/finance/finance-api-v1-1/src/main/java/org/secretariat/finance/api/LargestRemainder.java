package org.secretariat.finance.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rounding by the largest-remainder method: every exact amount is cut down to the currency's minor
 * unit, then the units still missing to make the total go one each to the amounts that lost the
 * most (the first one named on a tie). The rounded amounts add up exactly to the total.
 */
@ProviderType
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /** The currency's minor unit in decimal places (0 for a currency without one). */
    public static int minorUnit(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * The exact amounts (each at least zero, adding up to {@code total} but for the arithmetic's last
     * digits) rounded to {@code currency}'s minor unit so that they add up to {@code total} exactly.
     *
     * @throws IllegalArgumentException if the total has more decimals than the currency has, or the
     *         exact amounts do not add up to the total within one minor unit per amount
     */
    public static List<BigDecimal> round(BigDecimal total, Currency currency, List<BigDecimal> exact) {
        int digits = minorUnit(currency);
        BigDecimal target;
        try {
            target = total.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(total + " has more decimals than " + currency + "'s " + digits, e);
        }
        List<BigDecimal> rounded = exact.stream().map(a -> a.setScale(digits, RoundingMode.DOWN)).collect(Collectors.toCollection(ArrayList::new));
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal missing = target.subtract(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        int units = missing.divide(unit).setScale(0, RoundingMode.HALF_UP).intValueExact();
        if (units < 0 || units > exact.size()) {
            throw new IllegalArgumentException("the exact amounts " + exact + " do not add up to " + total);
        }
        List<Integer> byRemainder = IntStream.range(0, exact.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> exact.get(i).subtract(rounded.get(i))).reversed())
                .collect(Collectors.toList());
        for (int i = 0; i < units; i++) {
            int index = byRemainder.get(i);
            rounded.set(index, rounded.get(index).add(unit));
        }
        return rounded;
    }
}
