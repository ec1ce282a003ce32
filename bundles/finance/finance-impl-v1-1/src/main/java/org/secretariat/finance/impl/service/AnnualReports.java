package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.BudgetStatus;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.platform.api.ConventionProfile;

/**
 * The annual financial report, drafted from the data: the year's budget by line, the contributions by
 * state, the arrears by age, and the funds of voluntary and earmarked contributions. Each part is a table (titles, columns,
 * rows, totals) so that the JSON, the CSV and the PDF show the same figures; a part with nothing to
 * show says why instead of being left out.
 */
@Component(service = AnnualReports.class)
public class AnnualReports {

    private static final String EARMARKED = "Earmarked: ";

    /** A column; amounts are right-aligned in print and written as plain decimals. */
    public record Column(String title, boolean amount) {
    }

    /** One part of the report. {@code note} says what the figures are, or why there are none. */
    public record Section(String key, String title, List<Column> columns, List<List<String>> rows, List<String> totals, String note) {
    }

    public record Report(int year, String convention, String currency, LocalDate drafted, List<Section> sections) {
    }

    private final Budgets budgets;
    private final BudgetExecution execution;
    private final Contributions contributions;
    private final Expenditures expenditures;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public AnnualReports(@Reference Budgets budgets, @Reference BudgetExecution execution, @Reference Contributions contributions,
            @Reference Expenditures expenditures, @Reference ConventionProfile profile) {
        this(budgets, execution, contributions, expenditures, profile, Clock.systemUTC());
    }

    AnnualReports(Budgets budgets, BudgetExecution execution, Contributions contributions, Expenditures expenditures, ConventionProfile profile,
            Clock clock) {
        this.budgets = budgets;
        this.execution = execution;
        this.contributions = contributions;
        this.expenditures = expenditures;
        this.profile = profile;
        this.clock = clock;
    }

    public Report annual(Integer year) {
        int y = Money.year("year", year);
        List<Section> sections = List.of(budget(y), contributionsByState(y), arrears(y), funds(y));
        return new Report(y, profile.name(), profile.currency().getCurrencyCode(), LocalDate.now(clock), sections);
    }

    /** The approved budget by line against what was spent in its fiscal year (transfers between lines included). */
    private Section budget(int year) {
        List<Column> columns = List.of(new Column("Line", false), new Column("Title", false), new Column("Approved", true),
                new Column("Transfers", true), new Column("Budget", true), new Column("Actual", true), new Column("Variance", true),
                new Column("Variance %", true));
        List<Budgets.View> revisions = budgets.list(year);
        Optional<Budgets.View> approved = revisions.stream().filter(b -> b.status() == BudgetStatus.APPROVED).findFirst();
        if (approved.isEmpty()) {
            String note = revisions.isEmpty() ? "No budget for " + year + "."
                    : "No approved budget for " + year + ": revision " + revisions.get(0).revision() + " is " + revisions.get(0).status() + ".";
            return new Section("budget", "Budget " + year, columns, List.of(), List.of(), note);
        }
        Budgets.View budget = approved.get();
        BudgetExecution.Execution execution = this.execution.execution(budget.id());
        List<List<String>> rows = new ArrayList<>();
        for (BudgetExecution.LineExecution line : execution.lines()) {
            rows.add(executionRow(line.code(), line));
        }
        return new Section("budget", "Budget against actual " + year, columns, rows, executionRow("Total", execution.totals()),
                "Revision " + budget.revision() + ", \"" + budget.title() + "\", approved by " + budget.approvedBy() + " on "
                        + budget.approvedAt().toString().substring(0, 10) + "; actual: expenditure from " + execution.from() + " to "
                        + execution.to() + ".");
    }

    private static List<String> executionRow(String code, BudgetExecution.LineExecution line) {
        return List.of(code, line.title() == null || code.equals("Total") ? "" : line.title(), plain(line.approved()), plain(line.transfers()),
                plain(line.budget()), plain(line.actual()), plain(line.variance()), plain(line.variancePercent()));
    }

    private Section contributionsByState(int year) {
        Contributions.Status status = contributions.status(year);
        List<Column> columns = List.of(new Column("State", false), new Column("Name", false), new Column("Assessed", true),
                new Column("Received", true), new Column("Outstanding", true), new Column("Voluntary", true), new Column("Status", false));
        List<List<String>> rows = new ArrayList<>();
        for (Contributions.StateStatus state : status.states()) {
            rows.add(List.of(state.state(), state.name() == null ? "" : state.name(), plain(state.assessed()), plain(state.received()),
                    plain(state.outstanding()), plain(state.voluntary()), state.status()));
        }
        Contributions.Totals totals = status.totals();
        return new Section("contributions", "Contributions by state " + year, columns, rows,
                List.of("Total", "", plain(totals.assessed()), plain(totals.received()), plain(totals.outstanding()), plain(totals.voluntary()), ""),
                rows.isEmpty() ? "No contributions for " + year + "." : "Received against the year's assessed contributions; voluntary: received.");
    }

    /** What each state still owes at the year's end, by the age of the assessment (the arrears rule of {@link Contributions#arrears}). */
    private Section arrears(int year) {
        Contributions.Arrears arrears = contributions.arrears(year);
        List<Column> columns = List.of(new Column("State", false), new Column("Name", false), new Column(year + "", true),
                new Column((year - 1) + "", true), new Column((year - 2) + "", true), new Column("Earlier", true), new Column("Total", true));
        List<List<String>> rows = new ArrayList<>();
        for (Contributions.StateArrears state : arrears.states()) {
            Contributions.Ageing ageing = state.ageing();
            rows.add(List.of(state.state(), state.name() == null ? "" : state.name(), plain(ageing.current()), plain(ageing.oneYear()),
                    plain(ageing.twoYears()), plain(ageing.threeYearsOrMore()), plain(ageing.total())));
        }
        Contributions.Ageing totals = arrears.totals();
        return new Section("arrears", "Outstanding assessed contributions by age, " + year, columns, rows,
                List.of("Total", "", plain(totals.current()), plain(totals.oneYear()), plain(totals.twoYears()), plain(totals.threeYearsOrMore()),
                        plain(totals.total())),
                rows.isEmpty() ? "No assessed contribution is outstanding." : "By the year each contribution was assessed; receipts recorded to date.");
    }

    /**
     * Voluntary contributions as one fund, each earmarking (purpose) as a fund of its own: pledged in the year, received
     * against those pledges, outstanding, spent from it in the fiscal year (expenditure charged to the fund), and the
     * balance (received − spent). Voluntary money that is not earmarked goes to the general budget: nothing is charged to it.
     */
    private Section funds(int year) {
        Map<String, BigDecimal[]> funds = new TreeMap<>();
        for (Contributions.View contribution : contributions.list(year, null)) {
            if (contribution.kind() == ContributionKind.ASSESSED) {
                continue;
            }
            String fund = contribution.kind() == ContributionKind.EARMARKED ? EARMARKED + contribution.purpose() : "Voluntary, not earmarked";
            BigDecimal[] sums = funds.computeIfAbsent(fund, f -> zeros(4));
            // In the base currency: a pledge may be in another.
            sums[0] = sums[0].add(contribution.baseAmount());
            sums[1] = sums[1].add(contribution.baseReceived());
            sums[2] = sums[2].add(contribution.baseOutstanding());
        }
        for (Expenditures.View entry : expenditures.list(year, null)) {
            if (entry.fund() != null) {
                BigDecimal[] sums = funds.computeIfAbsent(EARMARKED + entry.fund(), f -> zeros(4));
                sums[3] = sums[3].add(entry.amount());
            }
        }
        List<Column> columns = List.of(new Column("Fund", false), new Column("Pledged", true), new Column("Received", true),
                new Column("Outstanding", true), new Column("Spent", true), new Column("Balance", true));
        List<List<String>> rows = new ArrayList<>();
        BigDecimal[] totals = zeros(4);
        funds.forEach((fund, sums) -> {
            rows.add(List.of(fund, plain(sums[0]), plain(sums[1]), plain(sums[2]), plain(sums[3]), plain(sums[1].subtract(sums[3]))));
            for (int i = 0; i < 4; i++) {
                totals[i] = totals[i].add(sums[i]);
            }
        });
        return new Section("funds", "Funds of voluntary and earmarked contributions " + year, columns, rows,
                List.of("Total", plain(totals[0]), plain(totals[1]), plain(totals[2]), plain(totals[3]), plain(totals[1].subtract(totals[3]))),
                rows.isEmpty() ? "No voluntary or earmarked contributions for " + year + "."
                        : "Pledged in " + year + " and received against those pledges; spent: expenditure of fiscal year " + year + " charged to the fund.");
    }

    /** Zeros at the currency's minor unit, so that a fund with nothing spent shows 0.00, not 0. */
    private BigDecimal[] zeros(int count) {
        BigDecimal[] zeros = new BigDecimal[count];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO.setScale(org.secretariat.finance.api.LargestRemainder.minorUnit(profile.currency())));
        return zeros;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }
}
