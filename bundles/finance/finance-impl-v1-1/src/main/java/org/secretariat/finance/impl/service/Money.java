package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.util.Currency;

import org.secretariat.finance.api.LargestRemainder;
import org.secretariat.platform.api.domain.DomainException;

/** Amounts of money as the module takes them: BigDecimal, never double; no more decimals than the currency's minor unit. */
final class Money {

    /** Amounts must stay below this (DECIMAL(19,4) holds 15 digits before the point). */
    static final BigDecimal LARGEST = new BigDecimal("1E15");

    private Money() {
    }

    /** The amount, refused naming {@code field} if missing, negative (or zero unless allowed), or finer than the currency. */
    static BigDecimal amount(String field, BigDecimal amount, Currency currency, boolean zeroAllowed) {
        if (amount == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            throw DomainException.invalid(field, field + (zeroAllowed ? " must not be negative" : " must be more than zero"));
        }
        int digits = LargestRemainder.minorUnit(currency);
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
        return amount == null ? null : amount.setScale(LargestRemainder.minorUnit(Currency.getInstance(currency)), java.math.RoundingMode.UNNECESSARY);
    }

    static Integer year(String field, Integer year) {
        if (year == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (year < 1990 || year > 2200) {
            throw DomainException.invalid(field, field + " must be a year from 1990 to 2200");
        }
        return year;
    }
}
