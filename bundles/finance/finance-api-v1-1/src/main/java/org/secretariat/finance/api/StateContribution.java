package org.secretariat.finance.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One state's line of a published table: assessed, received against it, outstanding, its voluntary
 * contributions received that may be shown, and {@code status}: PAID, PARTLY_PAID, UNPAID or
 * NOT_ASSESSED. {@code name} is the state's English name, or null when it was not known.
 */
@ProviderType
public record StateContribution(String state, String name, BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary,
        String status) {
}
