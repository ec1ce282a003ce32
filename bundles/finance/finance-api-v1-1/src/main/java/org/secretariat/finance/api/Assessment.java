package org.secretariat.finance.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a formula shares: an amount in a currency among the states of {@code rates} (each with its
 * rate of the scale, in per cent, or null where the formula needs none), with the formula's
 * parameters (e.g. {@code ceiling} and {@code floor}, in per cent).
 */
@ProviderType
public record Assessment(BigDecimal amount, Currency currency, List<Rate> rates, Map<String, BigDecimal> parameters) {

    public Assessment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        rates = List.copyOf(rates);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The parameter of that name, or {@code otherwise} when it is not given. */
    public BigDecimal parameter(String name, BigDecimal otherwise) {
        BigDecimal value = parameters.get(name);
        return value == null ? otherwise : value;
    }
}
