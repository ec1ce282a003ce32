package org.secretariat.finance.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/** A donor other than a state who agreed to be named, and the voluntary contributions received from it. */
@ProviderType
public record DonorContribution(String donor, BigDecimal voluntary) {
}
