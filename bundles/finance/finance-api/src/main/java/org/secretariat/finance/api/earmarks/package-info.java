/**
 * Earmarked contributions (finance-api bundle 1.2.0): {@link EarmarkedFunds}, which the finance module
 * provides so that another module keeping a fund of its own (the sponsorship module's donor funds) takes
 * what was received for that fund from the finance ledger rather than typing it again. A package of its
 * own, as {@code commitments}, so {@code org.secretariat.finance.api} stays at 1.1.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.finance.api.earmarks;
