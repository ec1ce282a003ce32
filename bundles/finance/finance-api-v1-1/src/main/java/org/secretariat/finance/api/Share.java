package org.secretariat.finance.api;

import java.math.BigDecimal;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A state's share of an assessment: its rate as given, its share of the amount in per cent, the
 * amount rounded to the currency's minor unit, whether a bound of the formula fixed it (a floor or a
 * ceiling), and why in words.
 */
@ProviderType
public record Share(String state, BigDecimal rate, BigDecimal share, BigDecimal amount, boolean fixed, String reason) {
}
