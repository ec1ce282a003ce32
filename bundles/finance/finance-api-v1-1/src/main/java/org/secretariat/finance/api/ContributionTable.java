package org.secretariat.finance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A year's published status of contributions, in the base currency (the convention profile's): each
 * state's assessed, received and outstanding amounts as of {@code asOf}, the voluntary contributions
 * received from donors who may be named, and the totals (which also count the unnamed donors' money).
 */
@ProviderType
public record ContributionTable(int year, LocalDate asOf, String currency, Instant publishedAt, List<StateContribution> states,
        List<DonorContribution> donors, ContributionTotals totals) {
}
