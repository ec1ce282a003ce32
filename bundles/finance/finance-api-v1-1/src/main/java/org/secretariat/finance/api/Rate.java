package org.secretariat.finance.api;

import java.math.BigDecimal;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/** A state (ISO 3166-1 alpha-2 code, or the code as given) and its rate of the scale in per cent; null when it has none. */
@ProviderType
public record Rate(String state, BigDecimal rate) {

    public Rate {
        Objects.requireNonNull(state, "state");
    }
}
