package org.secretariat.finance.api.commitments;

import java.math.BigDecimal;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A commitment on a budget line: {@code status} {@code OPEN} or {@code RELEASED}; {@code spent} is the
 * part a release said was used (null while open). Amounts are in the budget's currency at its minor unit.
 */
@ProviderType
public record Commitment(long id, int year, String line, BigDecimal amount, String currency, String reference, String description, String status,
        BigDecimal spent, String committedBy, Instant committedAt, String releasedBy, Instant releasedAt, int version) {

    public static final String OPEN = "OPEN";
    public static final String RELEASED = "RELEASED";
}
