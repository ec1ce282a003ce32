package org.secretariat.finance.formula.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.secretariat.finance.api.Assessment;
import org.secretariat.finance.api.Rate;
import org.secretariat.finance.api.Share;
import org.secretariat.platform.api.domain.DomainException;

class ScaleFormulaTest {

    private static final Currency CHF = Currency.getInstance("CHF");
    private final ScaleFormula formula = new ScaleFormula();

    private static List<Rate> rates(Object... stateAndRate) {
        List<Rate> rates = new ArrayList<>();
        for (int i = 0; i < stateAndRate.length; i += 2) {
            rates.add(new Rate((String) stateAndRate[i], stateAndRate[i + 1] == null ? null : new BigDecimal((String) stateAndRate[i + 1])));
        }
        return rates;
    }

    private static Map<String, BigDecimal> bounds(String ceiling, String floor) {
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        if (ceiling != null) {
            parameters.put("ceiling", new BigDecimal(ceiling));
        }
        if (floor != null) {
            parameters.put("floor", new BigDecimal(floor));
        }
        return parameters;
    }

    private List<Share> shares(String amount, List<Rate> rates, Map<String, BigDecimal> parameters) {
        return formula.shares(new Assessment(new BigDecimal(amount), CHF, rates, parameters));
    }

    private static Map<String, String> amounts(List<Share> shares) {
        Map<String, String> amounts = new LinkedHashMap<>();
        shares.forEach(share -> amounts.put(share.state(), share.amount().toPlainString()));
        return amounts;
    }

    private static BigDecimal total(List<Share> shares) {
        return shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertRefused(String field, String message, Runnable call) {
        DomainException refusal = assertThrows(DomainException.class, call::run);
        assertEquals(message, refusal.getMessage());
        assertEquals(DomainException.Kind.INVALID, refusal.kind());
        assertEquals(field, refusal.field());
    }

    @Test
    void theWorkedExample() {
        List<Share> shares = shares("100000", rates("A", "4.000", "B", "1.000", "C", "0.500", "D", "0.010", "E", "0.001"), bounds("40", "1"));
        assertEquals(Map.of("A", "40000.00", "B", "38666.67", "C", "19333.33", "D", "1000.00", "E", "1000.00"), amounts(shares));
        assertEquals(List.of("A", "B", "C", "D", "E"), shares.stream().map(Share::state).collect(Collectors.toList()), "in the input's order");
        assertEquals(List.of(true, false, false, true, true), shares.stream().map(Share::fixed).collect(Collectors.toList()));
        assertEquals(new BigDecimal("40.000000"), shares.get(0).share());
        assertEquals(new BigDecimal("38.666667"), shares.get(1).share());
        assertEquals(new BigDecimal("4.000"), shares.get(0).rate(), "the rate as given");
        assertEquals("ceiling 40 % (round 1)", shares.get(0).reason());
        assertEquals("floor 1 % (round 1)", shares.get(4).reason());
        assertEquals("rate 1 of 1.5 shares 58 % left by the states on a bound", shares.get(1).reason());
        assertEquals(new BigDecimal("100000.00"), total(shares));
    }

    @Test
    void withoutBoundsTheSharesFollowTheRates() {
        List<Share> shares = shares("1000", rates("A", "3", "B", "1"), Map.of());
        assertEquals(Map.of("A", "750.00", "B", "250.00"), amounts(shares));
        assertTrue(shares.stream().noneMatch(Share::fixed));
    }

    @Test
    void aCaseNeedingSeveralRounds() {
        // Round 1: A (50 %) goes to the ceiling of 35 %; B then gets 65 × 3/5 = 39 %, above the ceiling: round 2 fixes it; C takes the 30 % left.
        List<Share> shares = shares("90000", rates("A", "50", "B", "30", "C", "20"), bounds("35", null));
        assertEquals(Map.of("A", "31500.00", "B", "31500.00", "C", "27000.00"), amounts(shares));
        assertEquals("ceiling 35 % (round 1)", shares.get(0).reason());
        assertEquals("ceiling 35 % (round 2)", shares.get(1).reason());
        assertEquals(List.of(true, true, false), shares.stream().map(Share::fixed).collect(Collectors.toList()));

        // Floors pull the others down: after round 1 fixes D at 10 %, C falls under the floor in round 2.
        List<Share> floors = shares("1000", rates("A", "60", "B", "30", "C", "10.5", "D", "1"), bounds(null, "10"));
        assertEquals("floor 10 % (round 1)", floors.get(3).reason());
        assertEquals("floor 10 % (round 2)", floors.get(2).reason());
        assertEquals(Map.of("A", "533.33", "B", "266.67", "C", "100.00", "D", "100.00"), amounts(floors));
    }

    @Test
    void roundingAddsUpToTheAmountExactly() {
        // Thirds of one franc: 0.33 each and the last centime to the first named.
        assertEquals(Map.of("A", "0.34", "B", "0.33", "C", "0.33"), amounts(shares("1", rates("A", "1", "B", "1", "C", "1"), Map.of())));
        // The largest remainder wins the centime: 2/3 of 0.05 = 0.0333 → 0.03, 1/3 → 0.0166 → 0.01 + 1.
        assertEquals(Map.of("A", "0.03", "B", "0.02"), amounts(shares("0.05", rates("A", "2", "B", "1"), Map.of())));
        // Yen have no minor unit.
        List<Share> yen = formula.shares(new Assessment(new BigDecimal("100"), Currency.getInstance("JPY"), rates("A", "1", "B", "1", "C", "1"), Map.of()));
        assertEquals(Map.of("A", "34", "B", "33", "C", "33"), amounts(yen));
        Random random = new Random(12);
        for (int run = 0; run < 200; run++) {
            int n = 5 + random.nextInt(30);
            List<Rate> rates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rates.add(new Rate("S" + i, BigDecimal.valueOf(1 + random.nextInt(22000), 3)));
            }
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(10_000_000), 2);
            List<Share> shares = formula.shares(new Assessment(amount, CHF, rates, bounds("22", "0.01")));
            assertEquals(amount.setScale(2), total(shares), () -> "run " + rates);
            shares.forEach(share -> assertEquals(2, share.amount().scale()));
        }
    }

    @Test
    void aStateWithoutARateOrBoundsThatCannotHoldAreRefused() {
        assertRefused("rates", "state C has no rate: import the scale or give a manual rate",
                () -> shares("100", rates("A", "1", "B", "1", "C", null), Map.of()));
        assertRefused("parameters", "floor 25 % × 5 states = 125 % is more than 100 %: the floors alone would exceed the amount",
                () -> shares("100", rates("A", "1", "B", "1", "C", "1", "D", "1", "E", "1"), bounds(null, "25")));
        assertRefused("parameters", "ceiling 15 % × 5 states = 75 % is less than 100 %: the amount cannot be shared without a state paying more than the ceiling",
                () -> shares("100", rates("A", "1", "B", "1", "C", "1", "D", "1", "E", "1"), bounds("15", null)));
        assertRefused("parameters", "the scale formula takes ceiling and floor (per cent), not cap",
                () -> shares("100", rates("A", "1"), Map.of("cap", BigDecimal.ONE)));
        assertRefused("parameters", "ceiling is a percentage from 0 to 100, not 140", () -> shares("100", rates("A", "1"), bounds("140", null)));
        assertRefused("rates", "state A is named twice", () -> shares("100", rates("A", "1", "A", "2"), Map.of()));
        assertRefused("rates", "state B has a negative rate -1", () -> shares("100", rates("A", "1", "B", "-1"), Map.of()));
        assertRefused("amount", "amount must be more than zero", () -> shares("0", rates("A", "1"), Map.of()));
        assertRefused("amount", "amount has more decimals than CHF's 2", () -> shares("10.001", rates("A", "1"), Map.of()));
        assertRefused("rates", "no states to assess", () -> shares("10", List.of(), Map.of()));
        assertRefused("parameters", "the floor 45 % and the ceiling 60 % cannot both hold for these rates: every state is on a bound and the shares add up to 105 %",
                () -> shares("100", rates("A", "100", "B", "1"), bounds("60", "45")));
    }
}
