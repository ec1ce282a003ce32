/**
 * The finance module's published API: the cost-sharing formula SPI ({@link CostSharingFormula}) that
 * formula modules implement, and the records a formula takes ({@link Assessment}, {@link Rate}) and
 * answers ({@link Share}). {@link LargestRemainder} rounds exact amounts to the currency's minor unit
 * so that they add up to the amount. Since 1.1.0: {@link PublishedContributions}, the status of
 * contributions as the finance staff published it ({@link ContributionTable}), for the website. Since
 * 1.2.0: {@link BudgetCommitments}, money another module commits on a line of an approved budget (a
 * consultant's fee), shown against the line as committed until it is released.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.secretariat.finance.api;
