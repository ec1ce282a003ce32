package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.commitments.BudgetCommitments;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.finance.api.commitments.CommitmentRequest;
import org.secretariat.finance.impl.domain.Budget;
import org.secretariat.finance.impl.domain.BudgetCommitment;
import org.secretariat.finance.impl.domain.BudgetLine;
import org.secretariat.finance.impl.domain.BudgetStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Commitments on budget lines (finance 1.2): money promised before it is spent, such as a consultant's
 * fee. A commitment is made on a line of the fiscal year's <em>approved</em> budget (its newest approved
 * revision), in the budget's currency, for a positive amount; it may not exceed what the line has
 * available (budget = approved + applied transfers, minus actual, minus the open commitments): that is a
 * 409 saying the line's figures, as a transfer that would leave a line below its spending is. Released
 * commitments count no more; the part a release says was spent is the ledger's to bring in as
 * expenditure. Each commitment locks its budget (version increment), so two at once on the same line
 * cannot both pass the check.
 */
@Component(service = {Commitments.class, BudgetCommitments.class})
public class Commitments implements BudgetCommitments {

    /** A line's figures for the staff: {@code available} = budget - actual - committed. */
    public record LineFigures(String code, String title, BigDecimal approved, BigDecimal transfers, BigDecimal budget, BigDecimal actual,
            BigDecimal committed, BigDecimal available) {
    }

    /** A change of an open commitment's amount, or a release with the part spent; {@code version} (optional) is the commitment's. */
    public record Change(BigDecimal amount, BigDecimal spent, Integer version) {
    }

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public Commitments(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile) {
        this(factory, profile, Clock.systemUTC());
    }

    Commitments(EntityManagerFactory factory, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.clock = clock;
    }

    @Override
    public Commitment commit(CommitmentRequest request) {
        if (request == null) {
            throw DomainException.invalid("line", "a commitment names a year, a line and an amount");
        }
        int year = Money.year("year", request.year());
        String line = Fields.required("line", request.line() == null ? null : request.line().trim(), 20);
        String reference = Fields.required("reference", request.reference(), 100);
        String description = Fields.optional("description", request.description(), 300);
        String user = request.user() == null || request.user().isBlank() ? "unknown" : request.user();
        return Transactions.inTransaction(factory, em -> {
            Budget budget = approved(em, year, line);
            BigDecimal amount = amount(request.amount(), request.currency(), budget);
            Optional<BudgetCommitment> existing = openByReference(em, reference);
            if (existing.isPresent()) {
                BudgetCommitment same = existing.get();
                if (same.year == year && same.line.equals(line) && same.amount.compareTo(amount) == 0) {
                    return view(same);
                }
                throw DomainException.invalid("reference", "reference " + reference + " commits " + describe(same) + " already: change or release it");
            }
            requireAvailable(em, budget, line, amount, null);
            BudgetCommitment commitment = new BudgetCommitment();
            commitment.year = year;
            commitment.line = line;
            commitment.amount = amount;
            commitment.currency = budget.currency;
            commitment.reference = reference;
            commitment.description = description;
            commitment.status = Commitment.OPEN;
            commitment.committedBy = user;
            commitment.committedAt = clock.instant();
            em.persist(commitment);
            em.lock(budget, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            return view(commitment);
        });
    }

    @Override
    public Commitment changeAmount(long id, BigDecimal amount, String user) {
        return change(id, new Change(amount, null, null), user);
    }

    /** Changes an open commitment's amount (the REST's {@code PUT}); a stale {@code version} is a 409. */
    public Commitment change(long id, Change change, String user) {
        if (change == null) {
            throw DomainException.invalid("amount", "a JSON body is required");
        }
        return Transactions.inTransaction(factory, em -> {
            BudgetCommitment commitment = require(em, id);
            if (change.version() != null) {
                Fields.version(change.version(), commitment.version, "Commitment " + id);
            }
            if (!Commitment.OPEN.equals(commitment.status)) {
                throw DomainException.conflict("Commitment " + id + " was released on " + commitment.releasedAt + ": commit again instead");
            }
            Budget budget = approved(em, commitment.year, commitment.line);
            BigDecimal amount = amount(change.amount(), commitment.currency, budget);
            if (amount.compareTo(commitment.amount) > 0) {
                requireAvailable(em, budget, commitment.line, amount, commitment);
            }
            commitment.amount = amount;
            em.lock(budget, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            return view(commitment);
        });
    }

    @Override
    public Commitment release(long id, BigDecimal spent, String user) {
        return release(id, new Change(null, spent, null), user);
    }

    /** Releases an open commitment, keeping the part that was spent (none: cancelled). */
    public Commitment release(long id, Change change, String user) {
        return Transactions.inTransaction(factory, em -> {
            BudgetCommitment commitment = require(em, id);
            if (change != null && change.version() != null) {
                Fields.version(change.version(), commitment.version, "Commitment " + id);
            }
            if (!Commitment.OPEN.equals(commitment.status)) {
                return view(commitment);
            }
            BigDecimal spent = change == null || change.spent() == null ? BigDecimal.ZERO
                    : Money.amount("spent", change.spent(), Currency.getInstance(commitment.currency), true);
            if (spent.compareTo(commitment.amount) > 0) {
                throw DomainException.invalid("spent", "spent " + spent.toPlainString() + " is more than the "
                        + Money.stored(commitment.amount, commitment.currency).toPlainString() + " committed");
            }
            commitment.status = Commitment.RELEASED;
            commitment.spent = spent;
            commitment.releasedBy = user == null ? "unknown" : user;
            commitment.releasedAt = clock.instant();
            em.flush();
            return view(commitment);
        });
    }

    @Override
    public Optional<Commitment> find(long id) {
        return Transactions.read(factory, em -> Optional.ofNullable(em.find(BudgetCommitment.class, id)).map(Commitments::view));
    }

    public Commitment get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("No commitment " + id));
    }

    @Override
    public Optional<Commitment> byReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return Transactions.read(factory, em -> em.createQuery("SELECT c FROM BudgetCommitment c WHERE c.reference = :reference ORDER BY c.id DESC",
                BudgetCommitment.class).setParameter("reference", reference).getResultList().stream()
                .sorted((a, b) -> Boolean.compare(Commitment.OPEN.equals(b.status), Commitment.OPEN.equals(a.status))).findFirst()
                .map(Commitments::view));
    }

    @Override
    public List<Commitment> list(int year, String line) {
        return Transactions.read(factory, em -> {
            String where = line == null ? "" : " AND c.line = :line";
            javax.persistence.TypedQuery<BudgetCommitment> query = em.createQuery("SELECT c FROM BudgetCommitment c WHERE c.year = :year" + where
                    + " ORDER BY c.id DESC", BudgetCommitment.class).setParameter("year", year);
            if (line != null) {
                query.setParameter("line", line);
            }
            List<BudgetCommitment> found = new ArrayList<>(query.setMaxResults(1000).getResultList());
            found.sort((a, b) -> Boolean.compare(Commitment.OPEN.equals(b.status), Commitment.OPEN.equals(a.status)));
            return found.stream().map(Commitments::view).collect(Collectors.toList());
        });
    }

    /** The REST's list: a fiscal year's commitments (the current one unless given), on one line or all. */
    public List<Commitment> list(Integer year, String line) {
        int y = year == null ? new FiscalYears(profile.fiscalYearStart()).of(java.time.LocalDate.now(clock)) : Money.year("year", year);
        return list(y, line == null || line.isBlank() ? null : line.trim());
    }

    /** A commitment made by the finance staff by hand (the REST's {@code POST}). */
    public record Input(Integer year, String line, BigDecimal amount, String currency, String reference, String description) {
    }

    public Commitment commit(Input input, String user) {
        if (input == null) {
            throw DomainException.invalid("line", "a JSON body is required");
        }
        return commit(new CommitmentRequest(Money.year("year", input.year()), input.line(), input.amount(), input.currency(), input.reference(),
                input.description(), user));
    }

    /** Each line of a budget revision with its budget, actual, committed and available amounts; lines only committed on come last. */
    public List<LineFigures> lines(long budgetId) {
        return Transactions.read(factory, em -> {
            Budget budget = Budgets.require(em, budgetId);
            Map<String, BigDecimal> committed = committedByLine(em, budget.year);
            Map<String, BigDecimal> spent = Expenditures.spentByLine(em, budget.year);
            Map<String, BigDecimal> moved = BudgetExecution.movedByLine(em, budget.id);
            List<LineFigures> lines = new ArrayList<>();
            for (BudgetLine l : BudgetExecution.lines(em, budget)) {
                lines.add(figures(l.code, l.title, l.amount, moved, spent, committed, budget.currency));
            }
            committed.keySet().stream().filter(code -> lines.stream().noneMatch(l -> l.code().equals(code))).sorted()
                    .forEach(code -> lines.add(figures(code, null, BigDecimal.ZERO, moved, spent, committed, budget.currency)));
            return lines;
        });
    }

    /** The open commitments of a fiscal year by line. */
    static Map<String, BigDecimal> committedByLine(EntityManager em, int year) {
        Map<String, BigDecimal> committed = new HashMap<>();
        em.createQuery("SELECT c.line, SUM(c.amount) FROM BudgetCommitment c WHERE c.year = :year AND c.status = :open GROUP BY c.line", Object[].class)
                .setParameter("year", year).setParameter("open", Commitment.OPEN).getResultList()
                .forEach(row -> committed.put((String) row[0], (BigDecimal) row[1]));
        return committed;
    }

    private static LineFigures figures(String code, String title, BigDecimal approved, Map<String, BigDecimal> moved, Map<String, BigDecimal> spent,
            Map<String, BigDecimal> committed, String currency) {
        BigDecimal transfers = moved.getOrDefault(code, BigDecimal.ZERO);
        BigDecimal budget = approved.add(transfers);
        BigDecimal actual = spent.getOrDefault(code, BigDecimal.ZERO);
        BigDecimal open = committed.getOrDefault(code, BigDecimal.ZERO);
        return new LineFigures(code, title, Money.stored(approved, currency), Money.stored(transfers, currency), Money.stored(budget, currency),
                Money.stored(actual, currency), Money.stored(open, currency), Money.stored(budget.subtract(actual).subtract(open), currency));
    }

    /** The fiscal year's newest approved revision, which must have the line. */
    private static Budget approved(EntityManager em, int year, String line) {
        List<Budget> approved = em.createQuery("SELECT b FROM Budget b WHERE b.year = :year AND b.status = :approved ORDER BY b.revision DESC",
                Budget.class).setParameter("year", year).setParameter("approved", BudgetStatus.APPROVED).setMaxResults(1).getResultList();
        if (approved.isEmpty()) {
            throw DomainException.invalid("line", "fiscal year " + year + " has no approved budget: nothing can be committed on line " + line);
        }
        Budget budget = approved.get(0);
        if (BudgetExecution.lines(em, budget).stream().noneMatch(l -> l.code.equals(line))) {
            throw DomainException.invalid("line", Budgets.describe(budget) + " (approved) has no line " + line);
        }
        return budget;
    }

    private static BigDecimal amount(BigDecimal amount, String currency, Budget budget) {
        if (currency != null && !currency.isBlank() && !currency.trim().toUpperCase(Locale.ROOT).equals(budget.currency)) {
            throw DomainException.invalid("currency", "the budget is in " + budget.currency + ": a commitment in " + currency.trim()
                    + " cannot be set against it");
        }
        return Money.amount("amount", amount, Currency.getInstance(budget.currency), false);
    }

    /** Refuses (409) a commitment of {@code amount} that the line cannot cover; {@code replacing} is the commitment it replaces, if any. */
    private static void requireAvailable(EntityManager em, Budget budget, String line, BigDecimal amount, BudgetCommitment replacing) {
        BigDecimal approved = BudgetExecution.lines(em, budget).stream().filter(l -> l.code.equals(line)).map(l -> l.amount).findFirst()
                .orElse(BigDecimal.ZERO);
        BigDecimal lineBudget = approved.add(BudgetExecution.movedByLine(em, budget.id).getOrDefault(line, BigDecimal.ZERO));
        BigDecimal actual = Expenditures.spentByLine(em, budget.year).getOrDefault(line, BigDecimal.ZERO);
        BigDecimal committed = committedByLine(em, budget.year).getOrDefault(line, BigDecimal.ZERO);
        if (replacing != null) {
            committed = committed.subtract(replacing.amount);
        }
        BigDecimal available = lineBudget.subtract(actual).subtract(committed);
        if (amount.compareTo(available) > 0) {
            String c = budget.currency;
            throw DomainException.conflict("line " + line + " of " + Budgets.describe(budget) + " cannot cover " + Money.stored(amount, c).toPlainString()
                    + " " + c + ": budget " + Money.stored(lineBudget, c).toPlainString() + ", actual " + Money.stored(actual, c).toPlainString()
                    + ", committed " + Money.stored(committed, c).toPlainString() + ", available " + Money.stored(available, c).toPlainString());
        }
    }

    private static Optional<BudgetCommitment> openByReference(EntityManager em, String reference) {
        return em.createQuery("SELECT c FROM BudgetCommitment c WHERE c.reference = :reference AND c.status = :open", BudgetCommitment.class)
                .setParameter("reference", reference).setParameter("open", Commitment.OPEN).getResultList().stream().findFirst();
    }

    private static BudgetCommitment require(EntityManager em, long id) {
        BudgetCommitment commitment = em.find(BudgetCommitment.class, id);
        if (commitment == null) {
            throw DomainException.notFound("No commitment " + id);
        }
        return commitment;
    }

    private static String describe(BudgetCommitment c) {
        return Money.stored(c.amount, c.currency).toPlainString() + " " + c.currency + " on line " + c.line + " of " + c.year + " (commitment " + c.id + ")";
    }

    static Commitment view(BudgetCommitment c) {
        return new Commitment(c.id, c.year, c.line, Money.stored(c.amount, c.currency), c.currency, c.reference, c.description, c.status,
                Money.stored(c.spent, c.currency), c.committedBy, c.committedAt, c.releasedBy, c.releasedAt, c.version);
    }
}
