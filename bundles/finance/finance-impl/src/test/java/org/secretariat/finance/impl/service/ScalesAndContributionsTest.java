package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

@ExtendWith(TestModule.Shared.class)
class ScalesAndContributionsTest {

    private final TestModule module;

    ScalesAndContributionsTest(TestModule module) {
        this.module = module;
    }

    @Test
    void anImportWithBadLinesNamesEveryOneAndChangesNothing() {
        Scales.ImportReport refused = module.scales.importCsv(2040, 2042, "state,rate\nFR,4.318\nDE;x\nfr,1\nNO,0.679,extra\nIT,-1\n\n", false);
        assertFalse(refused.applied());
        assertEquals(List.of(3, 4, 5, 6), refused.errors().stream().map(Scales.LineError::line).collect(Collectors.toList()));
        assertEquals(List.of("rate", "state", "line", "rate"), refused.errors().stream().map(Scales.LineError::field).collect(Collectors.toList()));
        assertEquals("state FR is named twice", refused.errors().get(1).error());
        assertEquals(0, module.scales.rates(2041).size(), "nothing half-imported");

        Scales.ImportReport dryRun = module.scales.importCsv(2040, 2042, "FR,4.318\nDE,6.111\n", true);
        assertTrue(dryRun.errors().isEmpty());
        assertFalse(dryRun.applied());
        assertEquals(2, dryRun.rates().size());
        assertEquals(0, module.scales.rates(2041).size(), "a dry run changes nothing");

        assertTrue(module.scales.importCsv(2040, 2042, "FR,4.318\nDE,6.111\n", false).applied());
        module.scales.manual(new Scales.ManualRate("DE", 2041, null, new BigDecimal("5"), "agreed by the meeting"));
        List<Scales.RateView> rates = module.scales.rates(2041);
        assertEquals(List.of("DE", "FR"), rates.stream().map(Scales.RateView::state).collect(Collectors.toList()));
        assertEquals(new BigDecimal("5.000"), rates.get(0).rate(), "a manual rate wins");
        assertTrue(rates.get(0).manual());
        assertEquals(new BigDecimal("6.111"), module.scales.ratesOf(2040).get("DE"), "only in its year");
        assertTrue(module.scales.importCsv(2040, 2042, "FR,4.5\n", false).applied());
        assertEquals(Map.of("FR", new BigDecimal("4.500")), module.scales.ratesOf(2040), "a new import replaces the period's imported rates");
        assertRefused(Kind.INVALID, "file", "the file has no rates: send state,rate lines", () -> module.scales.importCsv(2040, 2040, "state,rate\n", false));
        assertRefused(Kind.INVALID, "to", "to is before from", () -> module.scales.importCsv(2040, 2039, "FR,1", false));
    }

    @Test
    void eachStatesStatusIsAssessedReceivedAndOutstanding() {
        module.assessments.save(new Assessments.Input(2045, new BigDecimal("1000"), "equal", Map.of(), List.of(
                new Assessments.RateInput("AT", null), new Assessments.RateInput("BE", null), new Assessments.RateInput("CH", null)), null), "director");
        List<Contributions.View> assessed = module.contributions.list(2045, null);
        Contributions.View austria = assessed.stream().filter(c -> c.state().equals("AT")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("333.34"), austria.amount());
        module.contributions.receive(austria.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 2, 1), new BigDecimal("333.34"), null, null, "BANK-1"), "assistant");
        Contributions.View belgium = assessed.stream().filter(c -> c.state().equals("BE")).findFirst().orElseThrow();
        Contributions.View partly = module.contributions.receive(belgium.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 1), new BigDecimal("100"), null, null, null), "assistant");
        assertEquals(new BigDecimal("233.33"), partly.outstanding());
        assertRefused(Kind.INVALID, "amount", "only 233.33 CHF is outstanding on contribution " + belgium.id(), () -> module.contributions.receive(
                belgium.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 1), new BigDecimal("233.34"), null, null, null), "assistant"));
        assertRefused(Kind.INVALID, "receivedOn", "receivedOn is in the future", () -> module.contributions.receive(
                belgium.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 16), BigDecimal.ONE, null, null, null), "assistant"));
        Contributions.View voluntary = module.contributions.pledge(new Contributions.Input(2045, ContributionKind.EARMARKED, "AT", null, new BigDecimal("5000"), null, null, "sponsorship of delegates", null, null));
        module.contributions.receive(voluntary.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 10), new BigDecimal("5000"), null, null, null), "assistant");
        assertRefused(Kind.INVALID, "purpose", "an earmarked contribution names its purpose", () -> module.contributions.pledge(new Contributions.Input(2045, ContributionKind.EARMARKED, "AT", null, BigDecimal.TEN, null, null, null, null, null)));
        assertRefused(Kind.INVALID, "kind", "assessed contributions are laid by saving the year's assessment", () -> module.contributions.pledge(
                new Contributions.Input(2045, ContributionKind.ASSESSED, "AT", null, BigDecimal.TEN, null, null, null, null, null)));
        assertRefused(Kind.INVALID, "donor", "a contribution comes from a state or a donor: give state or donor", () -> module.contributions.pledge(
                new Contributions.Input(2045, ContributionKind.VOLUNTARY, null, null, BigDecimal.TEN, null, null, null, null, null)));

        Contributions.Status status = module.contributions.status(2045);
        assertEquals(List.of("AT", "BE", "CH"), status.states().stream().map(Contributions.StateStatus::state).collect(Collectors.toList()));
        assertEquals(List.of("PAID", "PARTLY_PAID", "UNPAID"), status.states().stream().map(Contributions.StateStatus::status).collect(Collectors.toList()));
        Contributions.StateStatus be = status.states().get(1);
        assertEquals(List.of(new BigDecimal("333.33"), new BigDecimal("100.00"), new BigDecimal("233.33")), List.of(be.assessed(), be.received(), be.outstanding()));
        assertEquals(new BigDecimal("5000.00"), status.states().get(0).voluntary());
        assertEquals(new Contributions.Totals(new BigDecimal("1000.00"), new BigDecimal("433.34"), new BigDecimal("566.66"), new BigDecimal("5000.00")),
                status.totals());
    }
}
