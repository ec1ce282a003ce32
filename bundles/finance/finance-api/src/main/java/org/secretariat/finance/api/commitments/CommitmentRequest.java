package org.secretariat.finance.api.commitments;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a module asks to commit: the budget's (fiscal) {@code year} and the line's {@code line} code, a
 * positive {@code amount} in {@code currency} (null: the budget's; any other is refused), the caller's
 * {@code reference} (its idempotency key, at most 100 characters), a {@code description} shown to the
 * finance staff and the {@code user} who asked.
 */
@ProviderType
public record CommitmentRequest(int year, String line, BigDecimal amount, String currency, String reference, String description, String user) {
}
