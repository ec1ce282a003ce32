package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.impl.domain.ContributionKind;

@ExtendWith(TestModule.Shared.class)
class AnnualReportsTest {

    private final TestModule module;

    AnnualReportsTest(TestModule module) {
        this.module = module;
    }

    @Test
    void theReportShowsTheApprovedBudgetTheContributionsByStateAndTheFunds() {
        int year = 2012;
        Budgets.View draft = module.budgets.create(new Budgets.Input(year, "Work plan " + year, List.of(
                new Budgets.Line("1", "Staff", new BigDecimal("420000")), new Budgets.Line("2", "Travel", new BigDecimal("35000.50"))), null), "assistant");
        AnnualReports.Section unapproved = section(year, "budget");
        assertEquals(List.of(), unapproved.rows());
        assertEquals("No approved budget for 2012: revision 1 is DRAFT.", unapproved.note());
        module.budgets.propose(draft.id());
        module.budgets.approve(draft.id(), "director");
        module.expenditures.record(new Expenditures.Input(java.time.LocalDate.of(year, 3, 1), "2", new BigDecimal("1000.25"), "flights", null, null, null),
                "assistant");

        Assessments.Result saved = module.assessments.save(new Assessments.Input(year, new BigDecimal("1000"), "equal", Map.of(),
                List.of(new Assessments.RateInput("IS", null), new Assessments.RateInput("LI", null)), null), "director");
        assertEquals(2, saved.shares().size());
        long france = module.contributions.list(year, "IS").get(0).id();
        module.contributions.receive(france, new Contributions.ReceiptInput(TestModule.TODAY, new BigDecimal("500"), null, null, "BANK-1"), "assistant");
        long fund = module.contributions.pledge(new Contributions.Input(year, ContributionKind.EARMARKED, null, "A foundation", new BigDecimal("8000"), null, null, "sponsorship", TestModule.TODAY, null)).id();
        module.expenditures.record(new Expenditures.Input(java.time.LocalDate.of(year, 5, 1), "1", new BigDecimal("1200"), "sponsored delegates",
                null, null, "sponsorship"), "assistant");
        assertRefused(org.secretariat.platform.api.domain.DomainException.Kind.INVALID, "fund",
                "no earmarked contribution has the purpose 'no such fund': a fund is an earmarking", () -> module.expenditures.record(
                        new Expenditures.Input(java.time.LocalDate.of(year, 5, 1), "1", BigDecimal.ONE, null, null, null, "no such fund"), "assistant"));
        module.contributions.receive(fund, new Contributions.ReceiptInput(TestModule.TODAY, new BigDecimal("3000"), null, null, "BANK-2"), "assistant");
        module.contributions.pledge(new Contributions.Input(year, ContributionKind.VOLUNTARY, "LI", null, new BigDecimal("250"), null, null, null, TestModule.TODAY, null));

        AnnualReports.Report report = module.reports.annual(year);
        assertEquals("CHF", report.currency());
        assertEquals(List.of("budget", "contributions", "arrears", "funds"), report.sections().stream().map(AnnualReports.Section::key).collect(Collectors.toList()));

        AnnualReports.Section budget = section(year, "budget");
        assertEquals(List.of(List.of("1", "Staff", "420000.00", "0.00", "420000.00", "1200.00", "418800.00", "99.71"),
                List.of("2", "Travel", "35000.50", "0.00", "35000.50", "1000.25", "34000.25", "97.14")), budget.rows());
        assertEquals(List.of("Total", "", "455000.50", "0.00", "455000.50", "2200.25", "452800.25", "99.52"), budget.totals());
        assertTrue(budget.note().startsWith("Revision 1, \"Work plan 2012\", approved by director on "), budget.note());
        assertTrue(budget.note().endsWith("actual: expenditure from 2012-01-01 to 2012-12-31."), budget.note());

        AnnualReports.Section byState = section(year, "contributions");
        assertEquals(List.of(List.of("IS", "", "500.00", "500.00", "0.00", "0.00", "PAID"), List.of("LI", "", "500.00", "0.00", "500.00", "0.00", "UNPAID")),
                byState.rows());
        assertEquals(List.of("Total", "", "1000.00", "500.00", "500.00", "0.00", ""), byState.totals());

        AnnualReports.Section arrears = section(year, "arrears");
        assertEquals(List.of("LI", "", "500.00", "0.00", "0.00", "0.00", "500.00"), arrears.rows().stream().filter(row -> row.get(0).equals("LI"))
                .findFirst().orElseThrow(), arrears.rows().toString());
        assertTrue(arrears.rows().stream().noneMatch(row -> row.get(0).equals("IS")), "Iceland has paid");

        AnnualReports.Section funds = section(year, "funds");
        assertEquals(List.of(List.of("Earmarked: sponsorship", "8000.00", "3000.00", "5000.00", "1200.00", "1800.00"),
                List.of("Voluntary, not earmarked", "250.00", "0.00", "250.00", "0.00", "0.00")), funds.rows());
        assertEquals(List.of("Total", "8250.00", "3000.00", "5250.00", "1200.00", "1800.00"), funds.totals());
    }

    @Test
    void aYearWithoutDataSaysSoInEachPart() {
        AnnualReports.Report report = module.reports.annual(2000);
        assertEquals(List.of("No budget for 2000.", "No contributions for 2000.", "No assessed contribution is outstanding.",
                "No voluntary or earmarked contributions for 2000."),
                report.sections().stream().map(AnnualReports.Section::note).collect(Collectors.toList()));
    }

    private AnnualReports.Section section(int year, String key) {
        return module.reports.annual(year).sections().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
