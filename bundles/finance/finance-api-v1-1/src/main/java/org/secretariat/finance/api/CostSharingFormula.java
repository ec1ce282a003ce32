package org.secretariat.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way of sharing an amount among states: a formula module registers one as an OSGi service, and
 * the finance module offers every one installed (modules come and go).
 * <p>
 * The contract: {@link #shares} answers one {@link Share} per rate of the input, in the input's order,
 * whose amounts add up <em>exactly</em> to the input's amount once rounded to the currency's minor unit
 * by the largest-remainder method ({@link LargestRemainder}). Bad input (a state without a rate, a
 * parameter that cannot hold) is refused with
 * {@code org.secretariat.platform.api.domain.DomainException.invalid(field, message)}, which the
 * platform answers as a 400 with the message.
 */
@ConsumerType
public interface CostSharingFormula {

    /** The name assessments refer to it by, e.g. {@code scale}: lower-case letters, digits and '-'. */
    String name();

    /** The formula's version; a saved assessment keeps it. */
    String version();

    /** One sentence for people choosing a formula. */
    String description();

    /** The shares of the input's amount, one per rate, in the input's order. */
    List<Share> shares(Assessment input);
}
