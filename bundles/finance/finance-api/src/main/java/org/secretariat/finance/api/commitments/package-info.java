/**
 * Commitments on budget lines (finance-api bundle 1.2.0): {@link BudgetCommitments}, which the finance
 * module provides and other modules (the expertise module, for a consultant's fee) use to commit money
 * on a line of a year's approved budget before it is spent. A package of its own, so that
 * {@code org.secretariat.finance.api} stays at 1.1 and the finance 1.1.0 implementation, which
 * provides that package's {@code PublishedContributions} and so imports it below 1.2, runs on the same
 * API bundle as every other finance module version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.finance.api.commitments;
