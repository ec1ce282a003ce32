package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Budget;
import org.secretariat.finance.impl.domain.BudgetLine;
import org.secretariat.finance.impl.domain.BudgetStatus;
import org.secretariat.finance.impl.domain.Transfer;
import org.secretariat.finance.impl.domain.TransferStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * A budget revision's execution: per line, the budget (approved amount plus or minus the transfers
 * applied), what was spent in its fiscal year, the variance and what the work plan plans; and the
 * transfers between the lines of an approved revision. A transfer of at most the configured share
 * ({@link BudgetSettings#transferApprovalShare()}) of the source line's approved amount applies at once;
 * a larger one waits for the Director. No transfer leaves a line below what was spent on it.
 */
@Component(service = BudgetExecution.class)
public class BudgetExecution {

    /** A line's execution; {@code variancePercent} is the variance in per cent of the budget (null for a budget of zero). */
    public record LineExecution(String code, String title, BigDecimal approved, BigDecimal transfers, BigDecimal budget, BigDecimal actual,
            BigDecimal variance, BigDecimal variancePercent, BigDecimal planned) {
    }

    /** A revision's execution in its fiscal year ({@code from} to {@code to}); lines spent on but not in the revision come last, untitled. */
    public record Execution(long budgetId, int year, int revision, BudgetStatus status, String currency, LocalDate from, LocalDate to,
            List<LineExecution> lines, LineExecution totals) {
    }

    /** A transfer as the API takes it. */
    public record TransferInput(String from, String to, BigDecimal amount, String reason) {
    }

    /** The Director's rejection of a pending transfer, with its reason; {@code version} (optional) is the transfer's. */
    public record Rejection(String reason, Integer version) {
    }

    public record TransferView(long id, long budgetId, String from, String to, BigDecimal amount, String reason, TransferStatus status,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason, int version) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final BudgetSettings settings;
    private final Clock clock;

    @Activate
    public BudgetExecution(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference BudgetSettings settings) {
        this(factory, profile, settings, Clock.systemUTC());
    }

    BudgetExecution(EntityManagerFactory factory, ConventionProfile profile, BudgetSettings settings, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.settings = settings;
        this.clock = clock;
    }

    /** Budget against actual, per line and in total. */
    public Execution execution(long budgetId) {
        return Transactions.read(factory, em -> {
            Budget budget = Budgets.require(em, budgetId);
            String currency = budget.currency;
            Map<String, BigDecimal> spent = Expenditures.spentByLine(em, budget.year);
            Map<String, BigDecimal> planned = Activities.plannedByLine(em, budget.year);
            Map<String, BigDecimal> moved = movedByLine(em, budget.id);
            List<LineExecution> lines = new ArrayList<>();
            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, BigDecimal> approved = new HashMap<>();
            lines(em, budget).forEach(line -> {
                titles.put(line.code, line.title);
                approved.put(line.code, line.amount);
            });
            spent.keySet().stream().filter(code -> !titles.containsKey(code)).sorted().forEach(code -> titles.put(code, null));
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            titles.forEach((code, title) -> {
                LineExecution line = line(code, title, approved.getOrDefault(code, BigDecimal.ZERO), moved.getOrDefault(code, BigDecimal.ZERO),
                        spent.getOrDefault(code, BigDecimal.ZERO), planned.getOrDefault(code, BigDecimal.ZERO), currency);
                lines.add(line);
                totals[0] = totals[0].add(line.approved());
                totals[1] = totals[1].add(line.transfers());
                totals[2] = totals[2].add(line.actual());
                totals[3] = totals[3].add(line.planned());
            });
            FiscalYears fiscalYears = new FiscalYears(profile.fiscalYearStart());
            return new Execution(budget.id, budget.year, budget.revision, budget.status, currency, fiscalYears.firstDay(budget.year),
                    fiscalYears.lastDay(budget.year), lines, line(null, null, totals[0], totals[1], totals[2], totals[3], currency));
        });
    }

    /** A line's figures; variance = budget - actual, in per cent of the budget to two decimals. */
    static LineExecution line(String code, String title, BigDecimal approved, BigDecimal transfers, BigDecimal actual, BigDecimal planned,
            String currency) {
        BigDecimal budget = approved.add(transfers);
        BigDecimal variance = budget.subtract(actual);
        BigDecimal percent = budget.signum() == 0 ? null : variance.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_EVEN);
        return new LineExecution(code, title, Money.stored(approved, currency), Money.stored(transfers, currency), Money.stored(budget, currency),
                Money.stored(actual, currency), Money.stored(variance, currency), percent, Money.stored(planned, currency));
    }

    /** The transfers of a revision, newest first. */
    public List<TransferView> transfers(long budgetId) {
        return Transactions.read(factory, em -> {
            Budget budget = Budgets.require(em, budgetId);
            return em.createQuery("SELECT t FROM Transfer t WHERE t.budgetId = :id ORDER BY t.id DESC", Transfer.class).setParameter("id", budget.id)
                    .getResultList().stream().map(t -> view(t, budget.currency)).collect(Collectors.toList());
        });
    }

    /** Moves money between two lines of an approved revision: at once up to the configured share, otherwise pending the Director. */
    public TransferView transfer(long budgetId, TransferInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("from", "a JSON body is required");
        }
        String from = Fields.required("from", input.from(), 20);
        String to = Fields.required("to", input.to(), 20);
        if (from.equals(to)) {
            throw DomainException.invalid("to", "a transfer goes from one line to another: both are " + from);
        }
        BigDecimal amount = Money.amount("amount", input.amount(), profile.currency(), false);
        String reason = Fields.required("reason", input.reason(), 300);
        return Transactions.inTransaction(factory, em -> {
            Budget budget = Budgets.require(em, budgetId);
            if (budget.status != BudgetStatus.APPROVED) {
                throw DomainException.conflict(Budgets.describe(budget) + " is " + budget.status.name().toLowerCase()
                        + ": money moves between the lines of an approved budget; change the draft instead");
            }
            Map<String, BudgetLine> lines = lines(em, budget).stream().collect(Collectors.toMap(l -> l.code, l -> l));
            if (!lines.containsKey(from)) {
                throw DomainException.invalid("from", Budgets.describe(budget) + " has no line " + from);
            }
            if (!lines.containsKey(to)) {
                throw DomainException.invalid("to", Budgets.describe(budget) + " has no line " + to);
            }
            requireCovered(em, budget, from, amount);
            BigDecimal threshold = lines.get(from).amount.multiply(settings.transferApprovalShare()).divide(HUNDRED);
            Transfer transfer = new Transfer();
            transfer.budgetId = budget.id;
            transfer.fromLine = from;
            transfer.toLine = to;
            transfer.amount = amount;
            transfer.reason = reason;
            transfer.requestedBy = user;
            transfer.requestedAt = clock.instant();
            if (amount.compareTo(threshold) <= 0) {
                transfer.status = TransferStatus.APPLIED;
                transfer.decidedAt = transfer.requestedAt;
                // Two transfers from the same line at once must not both pass the check above.
                em.lock(budget, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            } else {
                transfer.status = TransferStatus.PENDING;
            }
            em.persist(transfer);
            em.flush();
            return view(transfer, budget.currency);
        });
    }

    /** The Director applies a pending transfer (if the source line still covers it). */
    public TransferView approve(long budgetId, long transferId, String user) {
        return decide(budgetId, transferId, null, user, true);
    }

    /** The Director rejects a pending transfer, giving the reason. */
    public TransferView reject(long budgetId, long transferId, Rejection decision, String user) {
        return decide(budgetId, transferId, decision, user, false);
    }

    private TransferView decide(long budgetId, long transferId, Rejection decision, String user, boolean approve) {
        String reason = decision == null ? null : Fields.optional("reason", decision.reason(), 300);
        if (!approve && reason == null) {
            throw DomainException.invalid("reason", "a rejection gives its reason");
        }
        return Transactions.inTransaction(factory, em -> {
            Budget budget = Budgets.require(em, budgetId);
            Transfer transfer = em.find(Transfer.class, transferId);
            if (transfer == null || transfer.budgetId != budget.id) {
                throw DomainException.notFound("No transfer " + transferId + " in budget " + budgetId);
            }
            if (decision != null && decision.version() != null) {
                Fields.version(decision.version(), transfer.version, "Transfer " + transferId);
            }
            if (transfer.status != TransferStatus.PENDING) {
                throw DomainException.conflict("Transfer " + transferId + " is " + transfer.status.name().toLowerCase() + " already");
            }
            if (approve) {
                requireCovered(em, budget, transfer.fromLine, transfer.amount);
                em.lock(budget, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            transfer.status = approve ? TransferStatus.APPLIED : TransferStatus.REJECTED;
            transfer.decidedBy = user;
            transfer.decidedAt = clock.instant();
            transfer.decisionReason = reason;
            em.flush();
            return view(transfer, budget.currency);
        });
    }

    /** Refuses a transfer that would leave {@code line} with less than was spent on it (or less than nothing). */
    private static void requireCovered(EntityManager em, Budget budget, String line, BigDecimal amount) {
        BigDecimal approved = lines(em, budget).stream().filter(l -> l.code.equals(line)).map(l -> l.amount).findFirst().orElse(BigDecimal.ZERO);
        BigDecimal left = approved.add(movedByLine(em, budget.id).getOrDefault(line, BigDecimal.ZERO)).subtract(amount);
        BigDecimal spent = Expenditures.spentByLine(em, budget.year).getOrDefault(line, BigDecimal.ZERO).max(BigDecimal.ZERO);
        // Money committed on the line (finance 1.2) is as good as spent: a transfer may not take it away.
        BigDecimal committed = Commitments.committedByLine(em, budget.year).getOrDefault(line, BigDecimal.ZERO);
        if (left.compareTo(spent.add(committed)) < 0) {
            String currency = budget.currency;
            throw DomainException.conflict("moving " + Money.stored(amount, currency).toPlainString() + " " + currency + " from line " + line
                    + " would leave it " + Money.stored(left, currency).toPlainString() + ", less than the " + Money.stored(spent, currency).toPlainString()
                    + " spent on it" + (committed.signum() == 0 ? "" : " and the " + Money.stored(committed, currency).toPlainString() + " committed"));
        }
    }

    /** The net amount applied transfers moved into (positive) or out of (negative) each line of a revision. */
    static Map<String, BigDecimal> movedByLine(EntityManager em, long budgetId) {
        Map<String, BigDecimal> moved = new HashMap<>();
        em.createQuery("SELECT t FROM Transfer t WHERE t.budgetId = :id AND t.status = :applied", Transfer.class).setParameter("id", budgetId)
                .setParameter("applied", TransferStatus.APPLIED).getResultList().forEach(t -> {
                    moved.merge(t.fromLine, t.amount.negate(), BigDecimal::add);
                    moved.merge(t.toLine, t.amount, BigDecimal::add);
                });
        return moved;
    }

    static List<BudgetLine> lines(EntityManager em, Budget budget) {
        return em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetId = :id ORDER BY l.position", BudgetLine.class).setParameter("id", budget.id)
                .getResultList();
    }

    private static TransferView view(Transfer t, String currency) {
        return new TransferView(t.id, t.budgetId, t.fromLine, t.toLine, Money.stored(t.amount, currency), t.reason, t.status, t.requestedBy,
                t.requestedAt, t.decidedBy, t.decidedAt, t.decisionReason, t.version);
    }
}
