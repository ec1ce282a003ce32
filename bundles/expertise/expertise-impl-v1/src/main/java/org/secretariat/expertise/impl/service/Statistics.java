package org.secretariat.expertise.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.expertise.impl.domain.ExpertiseRequest;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * The figures of a year for the unit's annual report: the requests received that year by theme and by
 * region, and how many days they took to be answered. A request is answered when the expertise was
 * delivered (DELIVERED or EVALUATED); the days run from the day it was received to the day it was
 * delivered, whichever year that falls in.
 */
@Component(service = Statistics.class)
public class Statistics {

    public record Year(int year, int received, Map<String, Integer> byTheme, Map<String, Integer> byRegion, int answered, BigDecimal meanDays,
            BigDecimal medianDays, Integer longestDays) {
    }

    private final EntityManagerFactory factory;

    @Activate
    public Statistics(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory) {
        this.factory = factory;
    }

    public Year of(Integer year) {
        if (year == null || year < 2000 || year > 2200) {
            throw DomainException.invalid("year", "year is required, e.g. 2026");
        }
        List<ExpertiseRequest> requests = Transactions.read(factory,
                em -> em.createQuery("SELECT r FROM ExpertiseRequest r WHERE r.receivedOn >= :from AND r.receivedOn < :to", ExpertiseRequest.class)
                        .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1)).getResultList());
        Map<String, Integer> byTheme = new TreeMap<>();
        Map<String, Integer> byRegion = new TreeMap<>();
        for (ExpertiseRequest request : requests) {
            byTheme.merge(request.theme, 1, Integer::sum);
            byRegion.merge(request.region.name(), 1, Integer::sum);
        }
        List<Long> days = requests.stream().filter(r -> r.deliveredOn != null).map(r -> ChronoUnit.DAYS.between(r.receivedOn, r.deliveredOn)).sorted()
                .collect(Collectors.toList());
        BigDecimal mean = null;
        BigDecimal median = null;
        Integer longest = null;
        if (!days.isEmpty()) {
            long sum = days.stream().mapToLong(Long::longValue).sum();
            mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
            int middle = days.size() / 2;
            median = days.size() % 2 == 1 ? BigDecimal.valueOf(days.get(middle)).setScale(1)
                    : BigDecimal.valueOf(days.get(middle - 1) + days.get(middle)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
            longest = days.get(days.size() - 1).intValue();
        }
        return new Year(year, requests.size(), byTheme, byRegion, days.size(), mean, median, longest);
    }
}
