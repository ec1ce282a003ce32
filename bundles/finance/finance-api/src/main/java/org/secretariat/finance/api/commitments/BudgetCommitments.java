package org.secretariat.finance.api.commitments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Money committed on a line of a year's approved budget before it is spent, such as a consultant's fee
 * from the expertise module. The finance module shows each line's open commitments as {@code committed}
 * and takes them off what is {@code available} (budget - actual - committed). A commitment stays open
 * until it is released: cancelled (nothing spent) or closed with the part that was spent, which the
 * host's ledger then brings in as expenditure.
 *
 * <p>Refusals are platform-api's {@code DomainException}s, naming the field: {@code line} (no approved
 * budget of the year has that line), {@code year}, {@code amount} (not positive, or more decimals than
 * the currency has), {@code currency} (not the budget's), {@code reference}; a commitment beyond what the
 * line has available is a conflict (409) that says the line's budget, actual, committed and available.
 * Each call is one transaction of the finance module.
 */
@ProviderType
public interface BudgetCommitments {

    /**
     * Commits an amount on a line of the year's approved budget. The {@code reference} is the caller's
     * idempotency key (e.g. {@code expertise-contract-42}): while a commitment with that reference is open,
     * committing it again with the same year, line and amount answers that commitment instead of a second
     * one (so a retry is safe), and with other terms is refused ({@code reference}).
     */
    Commitment commit(CommitmentRequest request);

    /** Changes an open commitment's amount (checked against the line's available amount like a new one). */
    Commitment changeAmount(long id, BigDecimal amount, String user);

    /**
     * Releases an open commitment: {@code spent} is the part that was used (zero or null: cancelled,
     * nothing spent); the rest is available again. Releasing a released commitment answers it unchanged.
     */
    Commitment release(long id, BigDecimal spent, String user);

    /** The commitment, or empty when there is none with that id. */
    Optional<Commitment> find(long id);

    /** The open commitment with that reference, else the newest released one; empty when none. */
    Optional<Commitment> byReference(String reference);

    /** The commitments on a year's line (every line when {@code line} is null), open ones first, newest first. */
    List<Commitment> list(int year, String line);
}
