package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

import org.secretariat.platform.api.domain.DomainException;

/** Amounts of money as the module takes them: BigDecimal, never double; no more decimals than the currency's minor unit. */
final class Money {

    /** Amounts must stay below this (DECIMAL(19,4) holds 15 digits before the point). */
    static final BigDecimal LARGEST = new BigDecimal("1E15");

    private Money() {
    }

    static Currency currency(String field, String code) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            throw DomainException.invalid(field, field + " is an ISO 4217 code such as CHF, EUR or USD");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, field + " '" + code + "' is not an ISO 4217 currency");
        }
    }

    /** The amount, refused naming {@code field} if missing, negative (or zero unless allowed), or finer than the currency. */
    static BigDecimal amount(String field, BigDecimal amount, Currency currency, boolean zeroAllowed) {
        if (amount == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            throw DomainException.invalid(field, field + (zeroAllowed ? " must not be negative" : " must be more than zero"));
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            throw DomainException.invalid(field, field + " has more decimals than " + currency + "'s " + digits);
        }
        if (amount.compareTo(LARGEST) >= 0) {
            throw DomainException.invalid(field, field + " is too large");
        }
        return amount.setScale(digits);
    }

    /** An amount read from the database (scale 4) at the currency's minor unit. */
    static BigDecimal stored(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.UNNECESSARY);
    }
}
