package org.secretariat.finance.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A published table's totals. {@code voluntary} is every voluntary contribution received, named or
 * not; {@code unnamedVoluntary} is the part whose donors are not shown.
 */
@ProviderType
public record ContributionTotals(BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary, BigDecimal unnamedVoluntary) {
}
