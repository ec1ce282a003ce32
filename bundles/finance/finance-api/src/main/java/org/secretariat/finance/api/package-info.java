/**
 * The finance module's published API: the cost-sharing formula SPI ({@link CostSharingFormula}) that
 * formula modules implement, and the records a formula takes ({@link Assessment}, {@link Rate}) and
 * answers ({@link Share}). {@link LargestRemainder} rounds exact amounts to the currency's minor unit
 * so that they add up to the amount. Since 1.1.0: {@link PublishedContributions}, the status of
 * contributions as the finance staff published it ({@link ContributionTable}), for the website.
 * Unchanged in the finance-api bundle 1.2.0, which adds the package
 * {@code org.secretariat.finance.api.commitments}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.finance.api;
