package org.secretariat.expertise.impl.service;

import java.time.LocalDate;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.expertise.impl.domain.Contract;
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.Accounts;

/**
 * What happens to a contract besides its terms (expertise 1.1): its fee committed later (a contract made
 * while the finance module was absent), the commitment withdrawn (to move the fee to another line), and
 * the contract cancelled, which releases the commitment and ends the consultant's access that day. Each
 * in one transaction of the module, finance asked last, once the contract's row is valid.
 */
@Component(service = ContractChanges.class)
public class ContractChanges {

    /** A contract's cancellation: the day (today unless given, not in the future) and why; {@code version} (optional) is the contract's. */
    public record Cancellation(LocalDate cancelledOn, String reason, Integer version) {
    }

    private final EntityManagerFactory factory;
    private final Contracts contracts;
    private final FeeCommitments fees;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Accounts accounts;

    @Activate
    public ContractChanges(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference Contracts contracts,
            @Reference FeeCommitments fees) {
        this(factory, contracts, fees, null);
    }

    public ContractChanges(EntityManagerFactory factory, Contracts contracts, FeeCommitments fees, Accounts accounts) {
        this.factory = factory;
        this.contracts = contracts;
        this.fees = fees;
        this.accounts = accounts;
    }

    /**
     * Commits the fee of a contract made (or changed) while the finance module was absent, now that it is
     * installed; a contract whose fee is committed already answers as it is.
     */
    public Contracts.View commit(long id, String user) {
        Object[] done = new Object[1];
        try {
            return Transactions.inTransaction(factory, em -> {
                Contract contract = Contracts.require(em, id);
                if (fees.open(contract).isPresent()) {
                    return contracts.view(em, contract, null);
                }
                if (contract.cancelledOn != null) {
                    throw DomainException.conflict("Contract " + id + " was cancelled on " + contract.cancelledOn + ": nothing is committed for it");
                }
                if (contract.budgetLine == null) {
                    throw DomainException.invalid("budgetLine", "the contract names no budget line: give budgetLine (and budgetYear) first");
                }
                if (contract.fee.signum() == 0) {
                    throw DomainException.invalid("fee", "the contract's fee is zero: nothing to commit");
                }
                if (contract.budgetYear == null) {
                    contract.budgetYear = ContractTerms.fiscalYear(contracts.profile(), contract.startDate);
                }
                done[0] = fees.commit(contract, user);
                contract.commitmentId = ((Commitment) done[0]).id();
                em.flush();
                return contracts.view(em, contract, "the fee is committed on line " + contract.budgetLine + " of " + contract.budgetYear);
            });
        } catch (RuntimeException e) {
            fees.undo((Commitment) done[0], user);
            throw e;
        }
    }

    /** Withdraws the fee's commitment (released, nothing spent), e.g. to move it to another line. */
    public Contracts.View withdrawCommitment(long id, String user) {
        return Transactions.inTransaction(factory, em -> {
            Contract contract = Contracts.require(em, id);
            Optional<Commitment> open = fees.open(contract);
            if (open.isEmpty()) {
                if (contract.commitmentId != null && !fees.installed()) {
                    throw new DomainException(DomainException.Kind.CONFLICT,
                            "the fee is committed in the finance module, which is not installed now: install it to withdraw the commitment", "budgetLine");
                }
                return contracts.view(em, contract, null);
            }
            // Forgotten by the contract (finance keeps the released commitment under its reference), so the line may change.
            contract.commitmentId = null;
            em.flush();
            fees.release(open.get().id(), user);
            return contracts.view(em, contract, "the commitment of " + open.get().amount().toPlainString() + " " + open.get().currency() + " on line "
                    + open.get().line() + " is released");
        });
    }

    /**
     * Cancels a contract: its fee's commitment is released (nothing spent) and the consultant's access ends
     * on the day cancelled, if that is before the end date. A contract cancelled stays, read only.
     */
    public Contracts.View cancel(long id, Cancellation input, String user) {
        LocalDate day = input == null || input.cancelledOn() == null ? contracts.today() : input.cancelledOn();
        if (day.isAfter(contracts.today())) {
            throw DomainException.invalid("cancelledOn", "cancelledOn is in the future");
        }
        String reason = Fields.optional("reason", input == null ? null : input.reason(), 300);
        return Transactions.inTransaction(factory, em -> {
            Contract contract = Contracts.require(em, id);
            if (input != null && input.version() != null) {
                Fields.version(input.version(), contract.version, "Contract " + id);
            }
            if (contract.cancelledOn != null) {
                throw DomainException.conflict("Contract " + id + " was cancelled on " + contract.cancelledOn + " already");
            }
            Optional<Commitment> open = fees.open(contract);
            if (open.isEmpty() && contract.commitmentId != null && !fees.installed()) {
                throw new DomainException(DomainException.Kind.CONFLICT,
                        "the fee is committed in the finance module, which is not installed now: install it to cancel the contract and release the fee",
                        "budgetLine");
            }
            contract.cancelledOn = day;
            contract.cancellationReason = reason;
            em.flush();
            // Finance last: the contract's row is valid; a refusal here rolls the cancellation back.
            if (open.isPresent()) {
                fees.release(contract.commitmentId, user);
            }
            String notice = open.isPresent() ? "the fee's commitment is released" : null;
            Accounts platform = accounts;
            if (contract.accountUsername != null && platform != null && day.isBefore(contract.endDate)) {
                platform.setAccessEnd(contract.accountUsername, day, user);
                notice = (notice == null ? "" : notice + "; ") + "account " + contract.accountUsername + " works until " + day;
            }
            return contracts.view(em, contract, notice);
        });
    }
}
