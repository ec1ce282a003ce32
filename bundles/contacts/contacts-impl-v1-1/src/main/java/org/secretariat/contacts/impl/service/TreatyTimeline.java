package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.persistence.Transactions;

/** How the convention grew: the States Parties' instruments deposited each year, and the total at each year's end. */
@Component(service = TreatyTimeline.class)
public class TreatyTimeline {

    /** One year: instruments deposited in it by today's States Parties, and how many they were at its end. */
    public record Year(int year, int deposits, int stateParties) {
    }

    private final EntityManagerFactory contacts;

    @Activate
    public TreatyTimeline(@Reference(target = "(osgi.unit.name=contacts)") EntityManagerFactory contacts) {
        this.contacts = contacts;
    }

    /** Every year from the first deposit to the last, years without a deposit included, so a chart's axis is even. */
    public List<Year> years() {
        List<LocalDate> deposits = Transactions.read(contacts, em -> em.createQuery(
                "SELECT s.depositDate FROM StateRecord s WHERE s.status = :party AND s.depositDate IS NOT NULL", LocalDate.class)
                .setParameter("party", TreatyStatus.STATE_PARTY).getResultList());
        Map<Integer, Integer> byYear = new TreeMap<>();
        deposits.forEach(date -> byYear.merge(date.getYear(), 1, Integer::sum));
        List<Year> years = new ArrayList<>();
        if (byYear.isEmpty()) {
            return years;
        }
        int first = ((TreeMap<Integer, Integer>) byYear).firstKey();
        int last = ((TreeMap<Integer, Integer>) byYear).lastKey();
        int total = 0;
        for (int year = first; year <= last; year++) {
            int count = byYear.getOrDefault(year, 0);
            total += count;
            years.add(new Year(year, count, total));
        }
        return years;
    }
}
