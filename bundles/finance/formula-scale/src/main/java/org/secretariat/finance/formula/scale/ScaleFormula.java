package org.secretariat.finance.formula.scale;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.secretariat.finance.api.Assessment;
import org.secretariat.finance.api.CostSharingFormula;
import org.secretariat.finance.api.LargestRemainder;
import org.secretariat.finance.api.Rate;
import org.secretariat.finance.api.Share;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The UN scale of assessment re-normalised to the states assessed, with a floor and a ceiling,
 * iterated: share<sub>i</sub> = rate<sub>i</sub> / &Sigma; rates. Any share above the ceiling is set
 * to the ceiling and any below the floor to the floor; those states are fixed, and the rest of the
 * amount is shared among the others in proportion to their rates; again, until no share moves.
 * Parameters, in per cent: {@code ceiling} (default 100) and {@code floor} (default 0).
 */
@Component(service = CostSharingFormula.class)
public class ScaleFormula implements CostSharingFormula {

    public static final String NAME = "scale";
    static final Set<String> PARAMETERS = Set.of("ceiling", "floor");

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Below the arithmetic's last digits: a share this close to a bound is on it. */
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-24");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "The scale of assessment re-normalised to the states assessed, with a floor and a ceiling (per cent), iterated until no share moves";
    }

    @Override
    public List<Share> shares(Assessment input) {
        List<Rate> rates = input.rates();
        checkAmount(input);
        Set<String> unknown = new TreeSet<>(input.parameters().keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("parameters", "the scale formula takes ceiling and floor (per cent), not " + String.join(", ", unknown));
        }
        BigDecimal ceiling = percent(input, "ceiling", HUNDRED);
        BigDecimal floor = percent(input, "floor", BigDecimal.ZERO);
        int n = rates.size();
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Rate rate : rates) {
            if (!seen.add(rate.state())) {
                throw DomainException.invalid("rates", "state " + rate.state() + " is named twice");
            }
            if (rate.rate() == null) {
                throw DomainException.invalid("rates", "state " + rate.state() + " has no rate: import the scale or give a manual rate");
            }
            if (rate.rate().signum() < 0) {
                throw DomainException.invalid("rates", "state " + rate.state() + " has a negative rate " + rate.rate().toPlainString());
            }
            sum = sum.add(rate.rate());
        }
        if (sum.signum() == 0) {
            throw DomainException.invalid("rates", "the rates add up to zero: nothing to share the amount by");
        }
        if (floor.compareTo(ceiling) > 0) {
            throw DomainException.invalid("parameters", "the floor " + plain(floor) + " % is above the ceiling " + plain(ceiling) + " %");
        }
        BigDecimal floors = floor.multiply(BigDecimal.valueOf(n));
        if (floors.compareTo(HUNDRED) > 0) {
            throw DomainException.invalid("parameters", "floor " + plain(floor) + " % × " + n + " states = " + plain(floors)
                    + " % is more than 100 %: the floors alone would exceed the amount");
        }
        BigDecimal ceilings = ceiling.multiply(BigDecimal.valueOf(n));
        if (ceilings.compareTo(HUNDRED) < 0) {
            throw DomainException.invalid("parameters", "ceiling " + plain(ceiling) + " % × " + n + " states = " + plain(ceilings)
                    + " % is less than 100 %: the amount cannot be shared without a state paying more than the ceiling");
        }
        return shares(input, iterate(rates, ceiling.divide(HUNDRED), floor.divide(HUNDRED)));
    }

    /** The share of each state as a fraction of one, with the reason, by the iteration. */
    private static Map<String, Fraction> iterate(List<Rate> rates, BigDecimal ceiling, BigDecimal floor) {
        Map<String, Fraction> fixed = new LinkedHashMap<>();
        for (int round = 1;; round++) {
            List<Rate> free = new ArrayList<>();
            BigDecimal taken = BigDecimal.ZERO;
            for (Rate rate : rates) {
                if (fixed.containsKey(rate.state())) {
                    taken = taken.add(fixed.get(rate.state()).share);
                } else {
                    free.add(rate);
                }
            }
            BigDecimal rest = BigDecimal.ONE.subtract(taken);
            if (free.isEmpty()) {
                if (rest.abs().compareTo(TOLERANCE) > 0) {
                    throw DomainException.invalid("parameters", "the floor " + plain(floor.multiply(HUNDRED)) + " % and the ceiling "
                            + plain(ceiling.multiply(HUNDRED)) + " % cannot both hold for these rates: every state is on a bound and the shares add up to "
                            + plain(taken.multiply(HUNDRED).round(new MathContext(6))) + " %");
                }
                return fixed;
            }
            BigDecimal freeRates = free.stream().map(Rate::rate).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (freeRates.signum() == 0) {
                throw DomainException.invalid("rates", "the states not on a bound have no rate to share the rest of the amount by");
            }
            Map<String, Fraction> round1 = new LinkedHashMap<>();
            boolean moved = false;
            for (Rate rate : free) {
                BigDecimal share = rest.multiply(rate.rate(), EXACT).divide(freeRates, EXACT);
                if (share.subtract(ceiling).compareTo(TOLERANCE) > 0) {
                    fixed.put(rate.state(), new Fraction(ceiling, true, "ceiling " + plain(ceiling.multiply(HUNDRED)) + " % (round " + round + ")"));
                    moved = true;
                } else if (floor.subtract(share).compareTo(TOLERANCE) > 0) {
                    fixed.put(rate.state(), new Fraction(floor, true, "floor " + plain(floor.multiply(HUNDRED)) + " % (round " + round + ")"));
                    moved = true;
                } else {
                    round1.put(rate.state(), new Fraction(share, false, "rate " + plain(rate.rate()) + " of " + plain(freeRates)
                            + " shares " + plain(rest.multiply(HUNDRED).round(new MathContext(10))) + " %"
                            + (fixed.isEmpty() ? "" : " left by the states on a bound")));
                }
            }
            if (!moved) {
                Map<String, Fraction> all = new LinkedHashMap<>(fixed);
                all.putAll(round1);
                return all;
            }
        }
    }

    private static List<Share> shares(Assessment input, Map<String, Fraction> fractions) {
        List<BigDecimal> exact = new ArrayList<>();
        for (Rate rate : input.rates()) {
            exact.add(input.amount().multiply(fractions.get(rate.state()).share, EXACT));
        }
        List<BigDecimal> amounts = LargestRemainder.round(input.amount(), input.currency(), exact);
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Rate rate = input.rates().get(i);
            Fraction fraction = fractions.get(rate.state());
            shares.add(new Share(rate.state(), rate.rate(), fraction.share.multiply(HUNDRED).setScale(6, RoundingMode.HALF_EVEN), amounts.get(i),
                    fraction.fixed, fraction.reason));
        }
        return shares;
    }

    static void checkAmount(Assessment input) {
        if (input.amount().signum() <= 0) {
            throw DomainException.invalid("amount", "amount must be more than zero");
        }
        if (input.amount().stripTrailingZeros().scale() > LargestRemainder.minorUnit(input.currency())) {
            throw DomainException.invalid("amount", "amount has more decimals than " + input.currency() + "'s "
                    + LargestRemainder.minorUnit(input.currency()));
        }
        if (input.rates().isEmpty()) {
            throw DomainException.invalid("rates", "no states to assess");
        }
    }

    private static BigDecimal percent(Assessment input, String name, BigDecimal otherwise) {
        BigDecimal value = input.parameter(name, otherwise);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw DomainException.invalid("parameters", name + " is a percentage from 0 to 100, not " + plain(value));
        }
        return value;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private record Fraction(BigDecimal share, boolean fixed, String reason) {
    }
}
