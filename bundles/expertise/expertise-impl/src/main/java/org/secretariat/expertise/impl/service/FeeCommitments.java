package org.secretariat.expertise.impl.service;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.expertise.impl.domain.Contract;
import org.secretariat.finance.api.commitments.BudgetCommitments;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.finance.api.commitments.CommitmentRequest;
import org.secretariat.platform.api.domain.DomainException;

/**
 * A contract's fee as a commitment on a budget line, through the finance module's
 * {@link BudgetCommitments} while that module is installed (an optional, dynamic reference: without it
 * the budget line stays text and nothing is committed). Each call is one transaction of the finance
 * module; {@link Contracts} calls it only once the contract's row is valid, and undoes it when the
 * contract's own transaction fails. The commitment's reference is {@code expertise-contract-<id>}, so a
 * retry commits nothing twice. Finance's refusals are answered in the contract's terms: the line or the
 * year becomes {@code budgetLine} / {@code budgetYear}, the amount {@code fee}.
 */
@Component(service = FeeCommitments.class)
public class FeeCommitments {

    /** The commitment as a contract shows it; {@code status} is finance's (OPEN, RELEASED), or FINANCE_ABSENT while finance is not installed. */
    public record View(long id, Integer year, String line, BigDecimal amount, String currency, String status, BigDecimal spent) {
    }

    public static final String FINANCE_ABSENT = "FINANCE_ABSENT";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BudgetCommitments finance;

    public FeeCommitments() {
    }

    /** With the finance module's service given (null: finance not installed), as a test wants. */
    public FeeCommitments(BudgetCommitments finance) {
        this.finance = finance;
    }

    public boolean installed() {
        return finance != null;
    }

    static String reference(long contractId) {
        return "expertise-contract-" + contractId;
    }

    /** Commits the contract's fee on its year's line. */
    Commitment commit(Contract contract, String user) {
        BudgetCommitments service = require();
        return translated(() -> service.commit(new CommitmentRequest(contract.budgetYear, contract.budgetLine, contract.fee, contract.currency,
                reference(contract.id), "Consultant's contract " + contract.id + ": " + contract.consultantName, user)));
    }

    Commitment changeAmount(long commitmentId, BigDecimal fee, String user) {
        BudgetCommitments service = require();
        return translated(() -> service.changeAmount(commitmentId, fee, user));
    }

    /** Releases the commitment, nothing spent (a cancelled contract, or a commitment withdrawn by the staff). */
    Commitment release(long commitmentId, String user) {
        BudgetCommitments service = require();
        return translated(() -> service.release(commitmentId, BigDecimal.ZERO, user));
    }

    /** The contract's commitment while it is open (and finance is installed). */
    Optional<Commitment> open(Contract contract) {
        return contract.commitmentId == null ? Optional.empty() : find(contract.commitmentId).filter(c -> Commitment.OPEN.equals(c.status()));
    }

    Optional<Commitment> find(long commitmentId) {
        BudgetCommitments service = finance;
        return service == null ? Optional.empty() : service.find(commitmentId);
    }

    /** Undoes a commitment made for a contract whose transaction then failed; a failure here is left to the staff (the commitment names the contract). */
    void undo(Commitment made, String user) {
        BudgetCommitments service = finance;
        if (service != null && made != null) {
            service.release(made.id(), BigDecimal.ZERO, user);
        }
    }

    /** The contract's commitment as finance has it now; null when none was made. */
    View view(Contract contract) {
        if (contract.commitmentId == null) {
            return null;
        }
        BudgetCommitments service = finance;
        if (service == null) {
            return new View(contract.commitmentId, contract.budgetYear, contract.budgetLine, null, contract.currency, FINANCE_ABSENT, null);
        }
        return service.find(contract.commitmentId)
                .map(c -> new View(c.id(), c.year(), c.line(), c.amount(), c.currency(), c.status(), c.spent()))
                .orElse(new View(contract.commitmentId, contract.budgetYear, contract.budgetLine, null, contract.currency, "UNKNOWN", null));
    }

    private BudgetCommitments require() {
        BudgetCommitments service = finance;
        if (service == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "the finance module is not installed: the fee cannot be committed on a budget line",
                    "budgetLine");
        }
        return service;
    }

    private static Commitment translated(java.util.function.Supplier<Commitment> call) {
        try {
            return call.get();
        } catch (DomainException refusal) {
            String field = refusal.field() == null ? "budgetLine" : switch (refusal.field()) {
                case "amount" -> "fee";
                case "year" -> "budgetYear";
                case "currency" -> "currency";
                default -> "budgetLine";
            };
            throw new DomainException(refusal.kind(), "finance: " + refusal.getMessage(), field);
        }
    }
}
