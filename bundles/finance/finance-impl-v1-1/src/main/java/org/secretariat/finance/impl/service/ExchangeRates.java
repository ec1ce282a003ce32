package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.LargestRemainder;
import org.secretariat.finance.impl.domain.ExchangeRate;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Exchange rates to the base currency (the profile's), by currency and date, as staff enter them; and
 * the one conversion every amount in another currency goes through: the rate given with the amount
 * wins, else the rate on or before the amount's date; the base amount is the amount times the rate,
 * rounded half-even to the base currency's minor unit.
 */
@Component(service = ExchangeRates.class)
public class ExchangeRates {

    /** Rates are kept to 8 decimals (DECIMAL(19,8)). */
    static final int RATE_DECIMALS = 8;
    private static final BigDecimal LARGEST_RATE = new BigDecimal("1E9");

    public record Input(String currency, LocalDate date, BigDecimal rate, String note) {
    }

    public record View(long id, String currency, String baseCurrency, LocalDate date, BigDecimal rate, String note, String enteredBy, Instant enteredAt) {
    }

    /** An amount in its currency, the rate used and where it came from ({@code BASE}, {@code GIVEN} or the table's date), and the base amount. */
    public record Conversion(Currency currency, BigDecimal amount, BigDecimal rate, String rateSource, BigDecimal baseAmount) {
    }

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public ExchangeRates(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile) {
        this(factory, profile, Clock.systemUTC());
    }

    ExchangeRates(EntityManagerFactory factory, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.clock = clock;
    }

    /** The rates entered, of one currency or all, newest first. */
    public List<View> list(String currency) {
        String code = currency == null || currency.isBlank() ? null : currency("currency", currency).getCurrencyCode();
        return Transactions.read(factory, em -> {
            javax.persistence.TypedQuery<ExchangeRate> query = code == null
                    ? em.createQuery("SELECT r FROM ExchangeRate r ORDER BY r.date DESC, r.currency", ExchangeRate.class)
                    : em.createQuery("SELECT r FROM ExchangeRate r WHERE r.currency = :currency ORDER BY r.date DESC", ExchangeRate.class)
                            .setParameter("currency", code);
            return query.getResultList().stream().map(this::view).collect(Collectors.toList());
        });
    }

    /** Enters a rate; a second rate for the same currency and day is a conflict. */
    public View enter(Input input, String user) {
        if (input == null) {
            throw DomainException.invalid("currency", "a JSON body is required");
        }
        Currency currency = currency("currency", input.currency());
        Currency base = profile.currency();
        if (currency.equals(base)) {
            throw DomainException.invalid("currency", "rates are to the base currency " + base + ", which needs none");
        }
        LocalDate date = Fields.present("date", input.date(), "the day the rate applies from");
        BigDecimal rate = rate("rate", input.rate());
        String note = Fields.optional("note", input.note(), 300);
        return Transactions.inTransaction(factory, em -> {
            boolean taken = !em.createQuery("SELECT r.id FROM ExchangeRate r WHERE r.currency = :currency AND r.date = :date", Long.class)
                    .setParameter("currency", currency.getCurrencyCode()).setParameter("date", date).getResultList().isEmpty();
            if (taken) {
                throw DomainException.conflict("a rate for " + currency + " on " + date + " is entered already");
            }
            ExchangeRate entered = new ExchangeRate();
            entered.currency = currency.getCurrencyCode();
            entered.date = date;
            entered.rate = rate;
            entered.note = note;
            entered.enteredBy = user;
            entered.enteredAt = clock.instant();
            em.persist(entered);
            em.flush();
            return view(entered);
        });
    }

    /**
     * The amount converted to the base currency. {@code currency} null means the base currency; a
     * {@code givenRate} wins over the table; a currency with neither is refused naming {@code exchangeRate}.
     */
    Conversion convert(EntityManager em, String currencyCode, BigDecimal amount, String amountField, LocalDate on, BigDecimal givenRate) {
        Currency base = profile.currency();
        Currency currency = currencyCode == null || currencyCode.isBlank() ? base : currency("currency", currencyCode);
        BigDecimal exact = Money.amount(amountField, amount, currency, false);
        if (currency.equals(base)) {
            if (givenRate != null && givenRate.compareTo(BigDecimal.ONE) != 0) {
                throw DomainException.invalid("exchangeRate", "an amount in the base currency " + base + " has rate 1");
            }
            return new Conversion(currency, exact, BigDecimal.ONE, "BASE", exact);
        }
        BigDecimal rate;
        String source;
        if (givenRate != null) {
            rate = rate("exchangeRate", givenRate);
            source = "GIVEN";
        } else {
            List<ExchangeRate> found = em.createQuery(
                    "SELECT r FROM ExchangeRate r WHERE r.currency = :currency AND r.date <= :on ORDER BY r.date DESC", ExchangeRate.class)
                    .setParameter("currency", currency.getCurrencyCode()).setParameter("on", on).setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                throw DomainException.invalid("exchangeRate", "no exchange rate for " + currency + " on or before " + on
                        + ": give exchangeRate or enter the rate (POST /api/finance/exchange-rates)");
            }
            rate = plain(found.get(0).rate);
            source = found.get(0).date.toString();
        }
        BigDecimal baseAmount = toBase(exact, rate);
        if (baseAmount.signum() == 0) {
            throw DomainException.invalid(amountField, exact.toPlainString() + " " + currency + " at " + rate.toPlainString() + " is less than "
                    + base + "'s smallest unit");
        }
        if (baseAmount.compareTo(Money.LARGEST) >= 0) {
            throw DomainException.invalid(amountField, exact.toPlainString() + " " + currency + " at " + rate.toPlainString() + " is too large in " + base);
        }
        return new Conversion(currency, exact, rate, source, baseAmount);
    }

    /** The base amount of an amount at a rate: rounded half-even to the base currency's minor unit. */
    BigDecimal toBase(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(LargestRemainder.minorUnit(profile.currency()), RoundingMode.HALF_EVEN);
    }

    Currency base() {
        return profile.currency();
    }

    static Currency currency(String field, String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid(field, field + " is required: an ISO 4217 code, e.g. EUR");
        }
        try {
            Currency currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                throw DomainException.invalid(field, code.trim() + " is not a currency money is paid in");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "'" + code.trim() + "' is not an ISO 4217 currency code");
        }
    }

    private static BigDecimal rate(String field, BigDecimal rate) {
        if (rate == null) {
            throw DomainException.invalid(field, field + " is required: what one unit is worth in the base currency");
        }
        if (rate.signum() <= 0) {
            throw DomainException.invalid(field, field + " must be more than zero");
        }
        if (rate.stripTrailingZeros().scale() > RATE_DECIMALS) {
            throw DomainException.invalid(field, field + " has more than " + RATE_DECIMALS + " decimals");
        }
        if (rate.compareTo(LARGEST_RATE) >= 0) {
            throw DomainException.invalid(field, field + " is too large");
        }
        return plain(rate);
    }

    /** A rate without trailing zeros, never in exponent notation (100, not 1E+2). */
    static BigDecimal plain(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private View view(ExchangeRate r) {
        return new View(r.id, r.currency, profile.currency().getCurrencyCode(), r.date, plain(r.rate), r.note, r.enteredBy, r.enteredAt);
    }
}
