package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.DsaRate;

/**
 * Daily subsistence allowance rates by city and date, imported from CSV ({@code city,validFrom,currency,rate},
 * as the rates the UN's ICSC publishes are tabulated): a rate holds from its date until the city's next.
 */
@Component(service = DsaRates.class)
public class DsaRates {

    public record View(String city, LocalDate validFrom, String currency, BigDecimal rate) {
    }

    public record Imported(int rates, int replaced) {
    }

    private final EntityManagerFactory factory;

    @Activate
    public DsaRates(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Imports rates all or nothing: a line at fault refuses the file, naming the line; a rate of the same city and date is replaced. */
    public Imported importCsv(String text) {
        List<DsaRate> rates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRows.Row row : CsvRows.read(text, "city", "validFrom", "currency", "rate")) {
            String where = "line " + row.number() + ": ";
            DsaRate rate = new DsaRate();
            rate.city = row.cell(0);
            if (rate.city.isEmpty() || rate.city.length() > 100) {
                throw DomainException.invalid("file", where + "a city of 1 to 100 characters is required");
            }
            rate.cityKey = Funds.key(rate.city);
            try {
                rate.validFrom = LocalDate.parse(row.cell(1));
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("file", where + "validFrom '" + row.cell(1) + "' is not a date such as 2025-09-01");
            }
            Currency currency;
            try {
                currency = Money.currency("currency", row.cell(2));
            } catch (DomainException e) {
                throw DomainException.invalid("file", where + e.getMessage());
            }
            rate.currency = currency.getCurrencyCode();
            try {
                rate.rate = Money.amount("rate", new BigDecimal(row.cell(3)), currency, false);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("file", where + "rate '" + row.cell(3) + "' is not a number such as 300 or 287.50");
            } catch (DomainException e) {
                throw DomainException.invalid("file", where + e.getMessage());
            }
            if (!seen.add(rate.cityKey + "|" + rate.validFrom)) {
                throw DomainException.invalid("file", where + rate.city + " has a second rate from " + rate.validFrom + " in the file");
            }
            rates.add(rate);
        }
        if (rates.isEmpty()) {
            throw DomainException.invalid("file", "the file has no rates below its header");
        }
        return Transactions.inTransaction(factory, em -> {
            int replaced = 0;
            for (DsaRate rate : rates) {
                List<DsaRate> same = em.createQuery("SELECT r FROM DsaRate r WHERE r.cityKey = :city AND r.validFrom = :from", DsaRate.class)
                        .setParameter("city", rate.cityKey).setParameter("from", rate.validFrom).getResultList();
                for (DsaRate old : same) {
                    em.remove(old);
                    replaced++;
                }
                em.flush();
                em.persist(rate);
            }
            return new Imported(rates.size(), replaced);
        });
    }

    /** Every rate of a city (or of all cities for null), by city and date. */
    public List<View> list(String city) {
        return Transactions.read(factory, em -> {
            javax.persistence.TypedQuery<DsaRate> query = em.createQuery("SELECT r FROM DsaRate r" + (city == null ? "" : " WHERE r.cityKey = :city")
                    + " ORDER BY r.cityKey, r.validFrom", DsaRate.class);
            if (city != null) {
                query.setParameter("city", Funds.key(city));
            }
            return query.getResultList().stream().map(r -> new View(r.city, r.validFrom, r.currency, Money.stored(r.rate, r.currency)))
                    .collect(Collectors.toList());
        });
    }

    /** The rate of {@code city} on {@code day}: the latest from that day or before. */
    static Optional<View> rate(EntityManager em, String city, LocalDate day) {
        if (city == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT r FROM DsaRate r WHERE r.cityKey = :city AND r.validFrom <= :day ORDER BY r.validFrom DESC", DsaRate.class)
                .setParameter("city", Funds.key(city)).setParameter("day", day).setMaxResults(1).getResultList().stream()
                .map(r -> new View(r.city, r.validFrom, r.currency, Money.stored(r.rate, r.currency))).findFirst();
    }
}
