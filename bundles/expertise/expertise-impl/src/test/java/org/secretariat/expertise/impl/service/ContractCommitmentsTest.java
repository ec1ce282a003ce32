package org.secretariat.expertise.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.secretariat.expertise.impl.service.TestModule.TODAY;
import static org.secretariat.expertise.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.api.commitments.BudgetCommitments;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.finance.api.commitments.CommitmentRequest;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;

/**
 * A contract's fee as a commitment on a budget line (expertise 1.1): committed with the contract, changed
 * with the fee, withdrawn, released on cancellation; finance's refusals answered naming the contract's
 * field with nothing written; a contract made without finance committed later.
 */
@ExtendWith(TestModule.Shared.class)
class ContractCommitmentsTest {

    /**
     * The finance module's commitments as the API promises them, in memory: one approved budget of 2026 with
     * a line STAFF of 20000.00 CHF, the rules of finance's {@code Commitments} for what the tests touch.
     */
    static final class Finance implements BudgetCommitments {
        final Map<Long, Commitment> commitments = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        private long next = 100;

        private BigDecimal available(Long except) {
            BigDecimal committed = commitments.values().stream().filter(c -> Commitment.OPEN.equals(c.status()) && !Long.valueOf(c.id()).equals(except))
                    .map(Commitment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new BigDecimal("20000.00").subtract(committed);
        }

        @Override
        public Commitment commit(CommitmentRequest r) {
            if (r.year() != 2026) {
                throw DomainException.invalid("line", "fiscal year " + r.year() + " has no approved budget: nothing can be committed on line " + r.line());
            }
            if (!r.line().equals("STAFF")) {
                throw DomainException.invalid("line", "Budget 2026 revision 1 (approved) has no line " + r.line());
            }
            if (r.currency() != null && !r.currency().equals("CHF")) {
                throw DomainException.invalid("currency", "the budget is in CHF: a commitment in " + r.currency() + " cannot be set against it");
            }
            Optional<Commitment> same = commitments.values().stream().filter(c -> c.reference().equals(r.reference()) && Commitment.OPEN.equals(c.status()))
                    .findFirst();
            if (same.isPresent()) {
                return same.get();
            }
            if (r.amount().compareTo(available(null)) > 0) {
                throw DomainException.conflict("line STAFF of Budget 2026 revision 1 cannot cover " + r.amount().setScale(2) + " CHF: available " + available(null));
            }
            Commitment c = new Commitment(next++, r.year(), r.line(), r.amount().setScale(2), "CHF", r.reference(), r.description(), Commitment.OPEN, null, r.user(),
                    Instant.EPOCH, null, null, 0);
            commitments.put(c.id(), c);
            calls.add("commit " + c.id() + " " + r.amount() + " " + r.reference());
            return c;
        }

        @Override
        public Commitment changeAmount(long id, BigDecimal amount, String user) {
            Commitment c = commitments.get(id);
            if (amount.compareTo(available(id)) > 0) {
                throw DomainException.conflict("line STAFF of Budget 2026 revision 1 cannot cover " + amount.setScale(2) + " CHF: available " + available(id));
            }
            Commitment changed = new Commitment(id, c.year(), c.line(), amount.setScale(2), "CHF", c.reference(), c.description(), c.status(), null, c.committedBy(),
                    c.committedAt(), null, null, c.version() + 1);
            commitments.put(id, changed);
            calls.add("change " + id + " " + amount);
            return changed;
        }

        @Override
        public Commitment release(long id, BigDecimal spent, String user) {
            Commitment c = commitments.get(id);
            Commitment released = new Commitment(id, c.year(), c.line(), c.amount(), "CHF", c.reference(), c.description(), Commitment.RELEASED, spent,
                    c.committedBy(), c.committedAt(), user, Instant.EPOCH, c.version() + 1);
            commitments.put(id, released);
            calls.add("release " + id + " " + spent);
            return released;
        }

        @Override
        public Optional<Commitment> find(long id) {
            return Optional.ofNullable(commitments.get(id));
        }

        @Override
        public Optional<Commitment> byReference(String reference) {
            return commitments.values().stream().filter(c -> c.reference().equals(reference)).findFirst();
        }

        @Override
        public List<Commitment> list(int year, String line) {
            return List.copyOf(commitments.values());
        }
    }

    private final TestModule module;

    ContractCommitmentsTest(TestModule module) {
        this.module = module;
    }

    /** The contract changes besides its terms, over the same contracts and finance. */
    private ContractChanges changes(Contracts contracts, Finance finance) {
        return new ContractChanges(module.database.factory(), contracts, new FeeCommitments(finance), new ContractsTest.PlatformAccounts());
    }

    private Contracts contracts(Finance finance, ContractsTest.Outbox outbox) {
        return new Contracts(module.database.factory(), module.profile, new Notices(module.profile, outbox), new ContractsTest.PlatformAccounts(),
                new FeeCommitments(finance), module.clock);
    }

    private long expert(String name) {
        return module.experts.create(new Experts.Input(null, name, name.toLowerCase().replace(' ', '.') + "@example.org", null,
                List.of("Victim assistance"), List.of("fr"), List.of("AFRICA"), List.of("ADVICE"), "fr", null, TODAY, null, null)).id();
    }

    private static Contracts.Input contract(long expertId, String fee, String line, Integer year, boolean account, Integer version) {
        return new Contracts.Input(expertId, null, "Train the mine action centre's staff", TODAY, TODAY.plusMonths(3), new BigDecimal(fee), null, line, year,
                List.of(new Contracts.DeliverableInput("Training report", TODAY.plusMonths(3))), account, null, version);
    }

    private int count(Contracts contracts) {
        return contracts.list(null).size();
    }

    @Test
    void theFeeIsCommittedWithTheContractChangedWithItAndReleasedWhenCancelled() {
        Finance finance = new Finance();
        Contracts contracts = contracts(finance, new ContractsTest.Outbox());
        long expert = expert("Amina Diallo");

        Contracts.View made = contracts.create(contract(expert, "12000.50", "STAFF", null, false, null), "specialist", "x");
        assertEquals(2026, made.budgetYear(), "the fiscal year the contract starts in");
        assertEquals(Commitment.OPEN, made.commitment().status());
        assertEquals(new BigDecimal("12000.50"), made.commitment().amount());
        assertEquals("STAFF", made.commitment().line());
        Commitment inFinance = finance.find(made.commitment().id()).orElseThrow();
        assertEquals("expertise-contract-" + made.id(), inFinance.reference(), "the idempotency key names the contract");
        assertEquals("specialist", inFinance.committedBy());

        Contracts.View dearer = contracts.update(made.id(), contract(expert, "15000", "STAFF", null, false, made.version()), "specialist");
        assertEquals(new BigDecimal("15000.00"), dearer.commitment().amount(), "a fee change changes the commitment");
        assertRefused(Kind.CONFLICT, "budgetLine", "the fee is committed on line STAFF of 2026: withdraw the commitment first (DELETE"
                + " /api/expertise/contracts/" + made.id() + "/commitment), then change the line",
                () -> contracts.update(made.id(), contract(expert, "15000", "TRAVEL", null, false, dearer.version()), "specialist"));
        assertRefused(Kind.CONFLICT, "budgetLine", "finance: line STAFF of Budget 2026 revision 1 cannot cover 25000.00 CHF: available 20000.00",
                () -> contracts.update(made.id(), contract(expert, "25000", "STAFF", null, false, dearer.version()), "specialist"));
        assertEquals(new BigDecimal("15000.00"), contracts.get(made.id()).fee(), "a refused change writes nothing");

        Contracts.View cancelled = changes(contracts, finance).cancel(made.id(), new ContractChanges.Cancellation(TODAY, "The State withdrew its request", null), "director");
        assertEquals(TODAY, cancelled.cancelledOn());
        assertEquals(Commitment.RELEASED, cancelled.commitment().status());
        assertEquals(0, BigDecimal.ZERO.compareTo(cancelled.commitment().spent()), "released with nothing spent");
        assertRefused(Kind.CONFLICT, null, "Contract " + made.id() + " was cancelled on " + TODAY + " already",
                () -> changes(contracts, finance).cancel(made.id(), null, "director"));
        assertRefused(Kind.CONFLICT, null, "Contract " + made.id() + " was cancelled on " + TODAY + ": it does not change",
                () -> contracts.update(made.id(), contract(expert, "1", "STAFF", null, false, cancelled.version()), "specialist"));
    }

    @Test
    void aRefusalOfFinanceNamesTheContractsFieldAndWritesNothing() {
        Finance finance = new Finance();
        Contracts contracts = contracts(finance, new ContractsTest.Outbox());
        long expert = expert("Jean Dupont");
        int before = count(contracts);
        assertRefused(Kind.INVALID, "budgetLine", "finance: Budget 2026 revision 1 (approved) has no line NOPE",
                () -> contracts.create(contract(expert, "1000", "NOPE", null, false, null), "specialist", "x"));
        assertRefused(Kind.INVALID, "budgetLine", "finance: fiscal year 2031 has no approved budget: nothing can be committed on line STAFF",
                () -> contracts.create(contract(expert, "1000", "STAFF", 2031, false, null), "specialist", "x"));
        assertRefused(Kind.CONFLICT, "budgetLine", "finance: line STAFF of Budget 2026 revision 1 cannot cover 20000.01 CHF: available 20000.00",
                () -> contracts.create(contract(expert, "20000.01", "STAFF", null, false, null), "specialist", "x"));
        assertEquals(before, count(contracts), "no contract was written");
        assertEquals(List.of(), finance.calls, "nothing was committed");
        Contracts.View noLine = contracts.create(contract(expert, "1000", null, null, false, null), "specialist", "x");
        assertNull(noLine.commitment(), "a contract naming no budget line commits nothing");
        assertNull(noLine.budgetYear());
        before = count(contracts);
        finance.calls.clear();

        // the contract's own transaction fails after finance committed (its e-mail cannot be queued): the commitment is released again
        ContractsTest.Outbox refusing = new ContractsTest.Outbox() {
            @Override
            public boolean queue(EntityManager em, Mail mail) {
                return false;
            }
        };
        assertThrows(IllegalStateException.class, () -> contracts(finance, refusing).create(contract(expert, "500", "STAFF", null, true, null), "specialist", "x"));
        assertEquals(before, count(contracts));
        assertEquals(2, finance.calls.size(), finance.calls.toString());
        assertEquals(List.of("commit", "release"), finance.calls.stream().map(c -> c.split(" ")[0]).collect(Collectors.toList()));
        assertEquals(Commitment.RELEASED, finance.commitments.values().iterator().next().status());
    }

    @Test
    void aContractMadeWithoutFinanceIsCommittedOnceFinanceIsThere() {
        Contracts withoutFinance = contracts(null, new ContractsTest.Outbox());
        long expert = expert("Maria Lopez");
        Contracts.View made = withoutFinance.create(contract(expert, "3000", "STAFF", null, false, null), "specialist", "x");
        assertNull(made.commitment(), "the budget line stays text");
        assertEquals("STAFF", made.budgetLine());
        assertRefused(Kind.CONFLICT, "budgetLine", "the finance module is not installed: the fee cannot be committed on a budget line",
                () -> changes(withoutFinance, null).commit(made.id(), "specialist"));

        Finance finance = new Finance();
        Contracts contracts = contracts(finance, new ContractsTest.Outbox());
        Contracts.View committed = changes(contracts, finance).commit(made.id(), "specialist");
        assertEquals(Commitment.OPEN, committed.commitment().status());
        assertEquals(new BigDecimal("3000.00"), committed.commitment().amount());
        assertEquals(committed.commitment(), changes(contracts, finance).commit(made.id(), "specialist").commitment(), "committing twice commits once");
        assertEquals(1, finance.calls.size());

        // finance uninstalled: the contract still reads and changes, but not its committed fee
        Contracts.View seenWithout = withoutFinance.get(made.id());
        assertEquals(FeeCommitments.FINANCE_ABSENT, seenWithout.commitment().status());
        Contracts.View renamed = withoutFinance.update(made.id(), new Contracts.Input(expert, null, "New terms", TODAY, TODAY.plusMonths(3),
                new BigDecimal("3000"), null, "STAFF", 2026, List.of(), false, null, seenWithout.version()), "specialist");
        assertEquals("New terms", renamed.termsOfReference());
        assertRefused(Kind.CONFLICT, "fee", "the fee is committed in the finance module, which is not installed now: it cannot change until finance is back",
                () -> withoutFinance.update(made.id(), contract(expert, "3500", "STAFF", 2026, false, renamed.version()), "specialist"));

        // withdrawn (released), the line may change, and the fee is committed on the new one
        Contracts.View withdrawn = changes(contracts, finance).withdrawCommitment(made.id(), "specialist");
        assertNull(withdrawn.commitment());
        assertRefused(Kind.INVALID, "budgetLine", "finance: Budget 2026 revision 1 (approved) has no line TRAVEL",
                () -> contracts.update(made.id(), contract(expert, "3000", "TRAVEL", 2026, false, withdrawn.version()), "specialist"));
        assertEquals("STAFF", contracts.get(made.id()).budgetLine(), "the refused change wrote nothing");
    }
}
