package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Pledges and receipts in other currencies; arrears by age; receipts applied to the oldest assessed contribution first. */
@ExtendWith(TestModule.Shared.class)
class ContributionsInCurrenciesTest {

    private final TestModule module;

    ContributionsInCurrenciesTest(TestModule module) {
        this.module = module;
    }

    private void assess(int year, String... states) {
        module.assessments.save(new Assessments.Input(year, new BigDecimal("1000"), "equal", Map.of(), List.of(states).stream().map(s -> new Assessments.RateInput(s, null)).collect(Collectors.toList()), null), "director");
    }

    private Contributions.View contribution(int year, String state) {
        return module.contributions.list(year, state).stream().filter(c -> c.kind() == ContributionKind.ASSESSED).findFirst().orElseThrow();
    }

    @Test
    void theRateOnOrBeforeTheDayIsUsedAGivenRateWinsAndBaseAmountsAreRoundedHalfEven() {
        module.exchangeRates.enter(new ExchangeRates.Input("EUR", LocalDate.of(2025, 1, 1), new BigDecimal("0.95"), "ECB"), "assistant");
        module.exchangeRates.enter(new ExchangeRates.Input("eur", LocalDate.of(2025, 3, 1), new BigDecimal("0.94123450"), null), "assistant");
        assertRefused(Kind.CONFLICT, null, "a rate for EUR on 2025-03-01 is entered already", () -> module.exchangeRates.enter(
                new ExchangeRates.Input("EUR", LocalDate.of(2025, 3, 1), BigDecimal.ONE, null), "assistant"));
        assertRefused(Kind.INVALID, "currency", "rates are to the base currency CHF, which needs none", () -> module.exchangeRates.enter(
                new ExchangeRates.Input("CHF", LocalDate.of(2025, 3, 1), BigDecimal.ONE, null), "assistant"));
        assertRefused(Kind.INVALID, "currency", "'EURO' is not an ISO 4217 currency code", () -> module.exchangeRates.enter(
                new ExchangeRates.Input("EURO", LocalDate.of(2025, 3, 1), BigDecimal.ONE, null), "assistant"));
        assertRefused(Kind.INVALID, "rate", "rate has more than 8 decimals", () -> module.exchangeRates.enter(
                new ExchangeRates.Input("USD", LocalDate.of(2025, 3, 1), new BigDecimal("0.123456789"), null), "assistant"));
        assertEquals(List.of(new BigDecimal("0.9412345"), new BigDecimal("0.95")),
                module.exchangeRates.list("EUR").stream().map(ExchangeRates.View::rate).collect(Collectors.toList()), "newest first");

        // A pledge in euros takes the rate of its day (10 February: the rate of 1 January).
        Contributions.View pledge = module.contributions.pledge(new Contributions.Input(2046, ContributionKind.VOLUNTARY, "DE", null,
                new BigDecimal("10000"), "EUR", null, null, LocalDate.of(2025, 2, 10), true));
        assertEquals(List.of("EUR", new BigDecimal("10000.00"), new BigDecimal("0.95"), new BigDecimal("9500.00")),
                List.of(pledge.currency(), pledge.amount(), pledge.exchangeRate(), pledge.baseAmount()));
        // A receipt in euros against it settles euros, whatever the rate of its own day.
        Contributions.View half = module.contributions.receive(pledge.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10),
                new BigDecimal("5000"), null, null, "BANK-EUR-1"), "assistant");
        assertEquals(new BigDecimal("5000.00"), half.outstanding());
        assertEquals(List.of(new BigDecimal("4706.17"), new BigDecimal("4750.00")), List.of(half.baseReceived(), half.baseOutstanding()),
                "received at the receipt's rate, outstanding at the pledge's");

        // Receipts in euros against an assessed contribution in francs: the base amount settles it.
        assess(2046, "DE", "FR");
        Contributions.View france = contribution(2046, "FR");
        Contributions.View paid = module.contributions.receive(france.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10),
                new BigDecimal("100.01"), "EUR", null, null), "assistant");
        assertEquals(new BigDecimal("94.13"), paid.received(), "100.01 × 0.9412345 = 94.132862345 → 94.13");
        // Half-even: 1 × 0.125 = 0.125 → 0.12 and 3 × 0.125 = 0.375 → 0.38; a rate given with the receipt wins over the table's.
        assertEquals(new BigDecimal("94.25"), module.contributions.receive(france.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10),
                BigDecimal.ONE, "EUR", new BigDecimal("0.125"), null), "assistant").received());
        assertEquals(new BigDecimal("94.63"), module.contributions.receive(france.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10),
                new BigDecimal("3"), "EUR", new BigDecimal("0.125"), null), "assistant").received());

        assertRefused(Kind.INVALID, "exchangeRate", "no exchange rate for EUR on or before 2024-12-31: give exchangeRate or enter the rate"
                + " (POST /api/finance/exchange-rates)", () -> module.contributions.receive(france.id(), new Contributions.ReceiptInput(
                        LocalDate.of(2024, 12, 31), BigDecimal.TEN, "EUR", null, null), "assistant"));
        assertRefused(Kind.INVALID, "exchangeRate", "no exchange rate for GBP on or before 2025-03-10: give exchangeRate or enter the rate"
                + " (POST /api/finance/exchange-rates)", () -> module.contributions.receive(france.id(), new Contributions.ReceiptInput(
                        LocalDate.of(2025, 3, 10), BigDecimal.TEN, "GBP", null, null), "assistant"));
        assertRefused(Kind.INVALID, "exchangeRate", "an amount in the base currency CHF has rate 1", () -> module.contributions.receive(france.id(),
                new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), BigDecimal.TEN, "CHF", new BigDecimal("1.1"), null), "assistant"));
        assertRefused(Kind.INVALID, "amount", "1.00 EUR at 0.001 is less than CHF's smallest unit", () -> module.contributions.receive(france.id(),
                new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), BigDecimal.ONE, "EUR", new BigDecimal("0.001"), null), "assistant"));
        assertRefused(Kind.INVALID, "amount", "999999999999999.00 EUR at 2 is too large in CHF", () -> module.contributions.receive(france.id(),
                new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), new BigDecimal("999999999999999"), "EUR", new BigDecimal("2"), null), "assistant"));
        assertRefused(Kind.INVALID, "amount", "amount has more decimals than JPY's 0", () -> module.contributions.receive(france.id(),
                new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), new BigDecimal("1000.5"), "JPY", new BigDecimal("0.006"), null), "assistant"));
        assertRefused(Kind.INVALID, "amount", "only 405.37 CHF is outstanding on contribution " + france.id() + " (this receipt would settle 470.62 CHF)",
                () -> module.contributions.receive(france.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), new BigDecimal("500"), "EUR",
                        null, null), "assistant"));

        // The status is in francs: the base amounts of the receipts; voluntary at the receipts' own rates.
        Contributions.Status status = module.contributions.status(2046);
        Contributions.StateStatus fr = status.states().get(1);
        assertEquals(List.of("FR", new BigDecimal("500.00"), new BigDecimal("94.63"), new BigDecimal("405.37"), "PARTLY_PAID"),
                List.of(fr.state(), fr.assessed(), fr.received(), fr.outstanding(), fr.status()));
        assertEquals(new BigDecimal("4706.17"), status.states().get(0).voluntary(), "5000 EUR × 0.9412345 = 4706.1725");
    }

    @Test
    void arrearsAreAgedByTheYearAssessedAndAStatesPaymentGoesToItsOldestContributionFirst() {
        assess(2021, "XA", "XB");
        assess(2022, "XA", "XB");
        assess(2024, "XA", "XB");
        assess(2025, "XA", "XB");
        Contributions.View xa2024 = contribution(2024, "XA");
        module.contributions.receive(xa2024.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 1, 20), new BigDecimal("200"), null, null, null), "assistant");

        // 700 from XB: 500 to 2021, 200 to 2022; the parts add up to what was paid.
        Contributions.StateReceipt payment = module.contributions.receiveFromState(new Contributions.StateReceiptInput("xb", LocalDate.of(2025, 3, 1),
                new BigDecimal("700"), null, null, "BANK-XB"), "assistant");
        assertEquals(List.of(new Contributions.Applied(contribution(2021, "XB").id(), 2021, new BigDecimal("500.00"), new BigDecimal("0.00")),
                new Contributions.Applied(contribution(2022, "XB").id(), 2022, new BigDecimal("200.00"), new BigDecimal("300.00"))), payment.applied());
        // A receipt in euros split over two years: the euro parts add up to the euros paid.
        Contributions.StateReceipt euros = module.contributions.receiveFromState(new Contributions.StateReceiptInput("XB", LocalDate.of(2025, 3, 2),
                new BigDecimal("333.33"), "EUR", new BigDecimal("1.5"), null), "assistant");
        assertEquals(new BigDecimal("500.00"), euros.baseAmount(), "333.33 × 1.5 = 499.995 → 500.00 (half-even)");
        assertEquals(List.of(new BigDecimal("300.00"), new BigDecimal("200.00")), euros.applied().stream().map(Contributions.Applied::amount)
                .collect(Collectors.toList()), "2022's 300 first, then 2024");
        // A receipt recorded against a contribution goes to that one, not to the oldest.
        Contributions.View xb2025 = contribution(2025, "XB");
        module.contributions.receive(xb2025.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 3), new BigDecimal("50"), null, null, null), "assistant");
        assertEquals(new BigDecimal("300.00"), contribution(2024, "XB").outstanding());
        assertRefused(Kind.INVALID, "amount", "only 750.00 CHF is outstanding on the assessed contributions of XB (this payment is 750.01 CHF)",
                () -> module.contributions.receiveFromState(new Contributions.StateReceiptInput("XB", LocalDate.of(2025, 3, 3), new BigDecimal("750.01"),
                        null, null, null), "assistant"));
        assertRefused(Kind.INVALID, "state", "XZ has no assessed contribution outstanding: record the receipt against a contribution",
                () -> module.contributions.receiveFromState(new Contributions.StateReceiptInput("XZ", LocalDate.of(2025, 3, 3), BigDecimal.ONE,
                        null, null, null), "assistant"));

        Contributions.Arrears arrears = module.contributions.arrears(2025);
        Map<String, Contributions.StateArrears> byState = arrears.states().stream().collect(Collectors.toMap(Contributions.StateArrears::state, s -> s));
        assertEquals(new Contributions.Ageing(new BigDecimal("500.00"), new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("1000.00"),
                new BigDecimal("1800.00")), byState.get("XA").ageing(), "2025 current, 2024 one year, 2021 and 2022 three or more");
        assertEquals(List.of(2021, 2022, 2024, 2025), byState.get("XA").years().stream().map(Contributions.YearOutstanding::year).collect(Collectors.toList()));
        assertEquals(new Contributions.Ageing(new BigDecimal("450.00"), new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                new BigDecimal("750.00")), byState.get("XB").ageing());
        assertEquals(List.of(2024, 2025), byState.get("XB").years().stream().map(Contributions.YearOutstanding::year).collect(Collectors.toList()),
                "years paid in full are left out");
        // The same debts a year later are a year older.
        assertEquals(new BigDecimal("300.00"), module.contributions.arrears(2026).states().stream().filter(s -> s.state().equals("XB")).findFirst()
                .orElseThrow().ageing().twoYears());
        BigDecimal sum = arrears.states().stream().map(s -> s.ageing().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(sum, arrears.totals().total(), "the totals add the states up");
        assertTrue(arrears.states().stream().allMatch(s -> s.ageing().total().signum() > 0), "states owing nothing are left out");
    }

    @Test
    void rowsWrittenWithoutTheCurrencyColumnsAreInTheBaseCurrencyAtRateOne() {
        // As finance 1.0.0 writes them, on the version 3 schema, after a rollback.
        assess(2047, "XR", "XS");
        long assessed = contribution(2047, "XR").id();
        javax.persistence.EntityManager em = module.database.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("INSERT INTO FINANCE_RECEIPT (ID, CONTRIBUTION_ID, RECEIVED_ON, AMOUNT, RECORDED_BY, RECORDED_AT)"
                    + " VALUES (990001, " + assessed + ", DATE('2025-03-01'), 100, 'v1', CURRENT_TIMESTAMP)").executeUpdate();
            em.createNativeQuery("INSERT INTO FINANCE_CONTRIBUTION (ID, CONTRIBUTION_YEAR, KIND, STATE, AMOUNT, CURRENCY, VERSION)"
                    + " VALUES (990002, 2047, 'VOLUNTARY', 'XR', 50, 'CHF', 1)").executeUpdate();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        Contributions.View old = module.contributions.list(2047, "XR").stream().filter(c -> c.id() == 990002L).findFirst().orElseThrow();
        assertEquals(List.of("CHF", new BigDecimal("1"), new BigDecimal("50.00"), false), List.of(old.currency(), old.exchangeRate(), old.baseAmount(), old.publicDonor()));
        assertEquals(new BigDecimal("400.00"), contribution(2047, "XR").outstanding());
        module.contributions.receive(990002L, new Contributions.ReceiptInput(LocalDate.of(2025, 3, 2), new BigDecimal("20"), null, null, null), "assistant");
        Contributions.StateStatus xr = module.contributions.status(2047).states().get(0);
        assertEquals(List.of(new BigDecimal("500.00"), new BigDecimal("100.00"), new BigDecimal("400.00"), new BigDecimal("20.00")),
                List.of(xr.assessed(), xr.received(), xr.outstanding(), xr.voluntary()));
    }
}
