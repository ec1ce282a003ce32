package org.secretariat.finance.formula.equal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.secretariat.finance.api.Assessment;
import org.secretariat.finance.api.Rate;
import org.secretariat.finance.api.Share;
import org.secretariat.platform.api.domain.DomainException;

class EqualFormulaTest {

    private static final Currency CHF = Currency.getInstance("CHF");
    private final EqualFormula formula = new EqualFormula();

    private static List<Rate> states(String... codes) {
        return java.util.Arrays.stream(codes).map(code -> new Rate(code, BigDecimal.ONE)).collect(Collectors.toList());
    }

    private static List<String> amounts(List<Share> shares) {
        return shares.stream().map(share -> share.amount().toPlainString()).collect(Collectors.toList());
    }

    @Test
    void theWorkedExampleInEqualShares() {
        List<Rate> rates = List.of(new Rate("A", new BigDecimal("4.000")), new Rate("B", new BigDecimal("1.000")), new Rate("C", new BigDecimal("0.500")),
                new Rate("D", new BigDecimal("0.010")), new Rate("E", new BigDecimal("0.001")));
        List<Share> shares = formula.shares(new Assessment(new BigDecimal("100000"), CHF, rates,
                Map.of("ceiling", new BigDecimal("40"), "floor", BigDecimal.ONE)));
        assertEquals(List.of("20000.00", "20000.00", "20000.00", "20000.00", "20000.00"), amounts(shares));
        assertEquals(new BigDecimal("20.000000"), shares.get(0).share());
        assertEquals("equal share: 1/5", shares.get(4).reason());
        assertEquals(new BigDecimal("0.001"), shares.get(4).rate(), "the rate as given");
    }

    @Test
    void roundingAddsUpWithTheCentimesToTheFirstNamed() {
        assertEquals(List.of("33.34", "33.33", "33.33"), amounts(formula.shares(new Assessment(new BigDecimal("100"), CHF, states("A", "B", "C"), null))));
        assertEquals(List.of("0.02", "0.02", "0.01", "0.01", "0.01", "0.01", "0.01"),
                amounts(formula.shares(new Assessment(new BigDecimal("0.09"), CHF, states("A", "B", "C", "D", "E", "F", "G"), null))));
        List<Rate> withoutRates = List.of(new Rate("A", null), new Rate("B", null));
        assertEquals(List.of("50.00", "50.00"), amounts(formula.shares(new Assessment(new BigDecimal("100"), CHF, withoutRates, null))),
                "equal shares need no rate");
    }

    @Test
    void refusals() {
        DomainException none = assertThrows(DomainException.class, () -> formula.shares(new Assessment(BigDecimal.TEN, CHF, List.of(), null)));
        assertEquals("rates", none.field());
        assertEquals("no states to assess", none.getMessage());
        DomainException twice = assertThrows(DomainException.class, () -> formula.shares(new Assessment(BigDecimal.TEN, CHF, states("A", "A"), null)));
        assertEquals("state A is named twice", twice.getMessage());
        DomainException decimals = assertThrows(DomainException.class,
                () -> formula.shares(new Assessment(new BigDecimal("1.005"), CHF, states("A"), null)));
        assertEquals("amount", decimals.field());
    }
}
