package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.finance.impl.service.LedgerTest.approvedBudget;
import static org.secretariat.finance.impl.service.LedgerTest.line;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.finance.api.commitments.CommitmentRequest;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Commitments on budget lines (finance 1.2): where they may be made, what a line has available, idempotency, change and release. */
@ExtendWith(TestModule.Shared.class)
class CommitmentsTest {

    private final TestModule module;

    CommitmentsTest(TestModule module) {
        this.module = module;
    }

    private Commitment commit(int year, String line, String amount, String reference) {
        return module.commitments.commit(new CommitmentRequest(year, line, new BigDecimal(amount), null, reference, "Consultant", "specialist"));
    }

    private Map<String, Commitments.LineFigures> lines(long budgetId) {
        return module.commitments.lines(budgetId).stream().collect(Collectors.toMap(Commitments.LineFigures::code, l -> l));
    }

    @Test
    void aCommitmentTakesFromWhatTheLineHasAvailableUntilReleased() {
        Budgets.View budget = approvedBudget(module, 2005, line("STAFF", "10000"), line("TRAVEL", "2000"));
        module.expenditures.record(new Expenditures.Input(LocalDate.of(2005, 1, 10), "STAFF", new BigDecimal("1500"), "Salaries", null, null, null),
                "assistant");
        Commitment fee = commit(2005, "STAFF", "6000", "expertise-contract-1");
        assertEquals(Commitment.OPEN, fee.status());
        assertEquals(new BigDecimal("6000.00"), fee.amount());
        assertEquals("CHF", fee.currency());

        Commitments.LineFigures staff = lines(budget.id()).get("STAFF");
        assertEquals(new BigDecimal("10000.00"), staff.budget());
        assertEquals(new BigDecimal("1500.00"), staff.actual());
        assertEquals(new BigDecimal("6000.00"), staff.committed());
        assertEquals(new BigDecimal("2500.00"), staff.available(), "budget - actual - committed");
        assertEquals(new BigDecimal("0.00"), lines(budget.id()).get("TRAVEL").committed());

        assertRefused(Kind.CONFLICT, null, "line STAFF of Budget 2005 revision 1 cannot cover 2500.01 CHF: budget 10000.00, actual 1500.00,"
                + " committed 6000.00, available 2500.00", () -> commit(2005, "STAFF", "2500.01", "expertise-contract-2"));
        assertEquals(new BigDecimal("2500.00"), commit(2005, "STAFF", "2500", "expertise-contract-2").amount(), "exactly what is available");

        assertRefused(Kind.CONFLICT, null, "line STAFF of Budget 2005 revision 1 cannot cover 6000.01 CHF: budget 10000.00, actual 1500.00,"
                + " committed 2500.00, available 6000.00", () -> module.commitments.changeAmount(fee.id(), new BigDecimal("6000.01"), "specialist"));
        Commitment lower = module.commitments.changeAmount(fee.id(), new BigDecimal("4000"), "specialist");
        assertEquals(new BigDecimal("4000.00"), lower.amount());
        assertEquals(new BigDecimal("2000.00"), lines(budget.id()).get("STAFF").available());

        Commitment released = module.commitments.release(fee.id(), new BigDecimal("1000"), "specialist");
        assertEquals(Commitment.RELEASED, released.status());
        assertEquals(new BigDecimal("1000.00"), released.spent());
        assertEquals("specialist", released.releasedBy());
        assertEquals(new BigDecimal("2500.00"), lines(budget.id()).get("STAFF").committed(), "a released commitment counts no more");
        assertEquals(released, module.commitments.release(fee.id(), BigDecimal.ZERO, "someone"), "releasing twice changes nothing");
        assertRefused(Kind.CONFLICT, null, "Commitment " + fee.id() + " was released on " + released.releasedAt() + ": commit again instead",
                () -> module.commitments.changeAmount(fee.id(), BigDecimal.ONE, "specialist"));

        List<Commitment> listed = module.commitments.list(2005, "STAFF");
        assertEquals(List.of(Commitment.OPEN, Commitment.RELEASED), listed.stream().map(Commitment::status).collect(Collectors.toList()),
                "open ones first");
    }

    @Test
    void onlyALineOfAnApprovedBudgetOfThatYearTakesACommitment() {
        assertRefused(Kind.INVALID, "line", "fiscal year 2006 has no approved budget: nothing can be committed on line STAFF",
                () -> commit(2006, "STAFF", "100", "r-1"));
        Budgets.View draft = module.budgets.create(new Budgets.Input(2006, "Draft", List.of(line("STAFF", "1000")), null), "specialist");
        assertRefused(Kind.INVALID, "line", "fiscal year 2006 has no approved budget: nothing can be committed on line STAFF",
                () -> commit(2006, "STAFF", "100", "r-1"));
        module.budgets.propose(draft.id());
        module.budgets.approve(draft.id(), "director");
        assertRefused(Kind.INVALID, "line", "Budget 2006 revision 1 (approved) has no line IT", () -> commit(2006, "IT", "100", "r-1"));
        assertRefused(Kind.INVALID, "amount", "amount must be more than zero", () -> commit(2006, "STAFF", "0", "r-1"));
        assertRefused(Kind.INVALID, "amount", "amount has more decimals than CHF's 2", () -> commit(2006, "STAFF", "1.005", "r-1"));
        assertRefused(Kind.INVALID, "currency", "the budget is in CHF: a commitment in EUR cannot be set against it",
                () -> module.commitments.commit(new CommitmentRequest(2006, "STAFF", BigDecimal.TEN, "EUR", "r-1", null, "specialist")));
        assertRefused(Kind.INVALID, "reference", "reference is required", () -> commit(2006, "STAFF", "100", " "));
    }

    @Test
    void theSameReferenceAgainIsARetryNotASecondCommitment() {
        approvedBudget(module, 2007, line("STAFF", "1000"));
        Commitment first = commit(2007, "STAFF", "800", "expertise-contract-9");
        Commitment retry = commit(2007, "STAFF", "800", "expertise-contract-9");
        assertEquals(first.id(), retry.id(), "a retry answers the commitment made");
        assertEquals(1, module.commitments.list(2007, null).size());
        assertRefused(Kind.INVALID, "reference", "reference expertise-contract-9 commits 800.00 CHF on line STAFF of 2007 (commitment " + first.id()
                + ") already: change or release it", () -> commit(2007, "STAFF", "700", "expertise-contract-9"));
        module.commitments.release(first.id(), (BigDecimal) null, "specialist");
        assertEquals(Commitment.RELEASED, module.commitments.find(first.id()).orElseThrow().status());
        Commitment again = commit(2007, "STAFF", "700", "expertise-contract-9");
        assertEquals(again.id(), module.commitments.byReference("expertise-contract-9").orElseThrow().id(), "the open one is the reference's");
    }

    @Test
    void aTransferMayNotTakeWhatIsCommitted() {
        Budgets.View budget = approvedBudget(module, 2008, line("STAFF", "1000"), line("TRAVEL", "0"));
        commit(2008, "STAFF", "950", "expertise-contract-3");
        assertRefused(Kind.CONFLICT, null, "moving 60.00 CHF from line STAFF would leave it 940.00, less than the 0.00 spent on it and the 950.00 committed",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("STAFF", "TRAVEL", new BigDecimal("60"), "Travel"),
                        "specialist"));
        assertEquals(new BigDecimal("50.00"), module.execution.transfer(budget.id(),
                new BudgetExecution.TransferInput("STAFF", "TRAVEL", new BigDecimal("50"), "Travel"), "specialist").amount());
    }
}
