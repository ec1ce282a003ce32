package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.api.ContributionTotals;
import org.secretariat.finance.api.DonorContribution;
import org.secretariat.finance.api.PublishedContributions;
import org.secretariat.finance.api.StateContribution;
import org.secretariat.finance.impl.domain.PublishedLine;
import org.secretariat.finance.impl.domain.PublishedTable;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * The published status of contributions: the Director publishes a year's status as of a day; the
 * snapshot is kept as it was until the year is published again, whatever is received meanwhile. What
 * is published: each assessed state's assessed, received and outstanding amounts; the voluntary money
 * of states and other donors who may be named (contributions recorded with {@code publicDonor}); and
 * totals that count every voluntary contribution, the unnamed ones as one sum. A state with only
 * unnamed voluntary contributions gets no line.
 */
@Component(service = {ContributionPublications.class, PublishedContributions.class})
public class ContributionPublications implements PublishedContributions {

    private final EntityManagerFactory factory;
    private final Contributions contributions;
    private final Clock clock;

    @Activate
    public ContributionPublications(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference Contributions contributions) {
        this(factory, contributions, Clock.systemUTC());
    }

    ContributionPublications(EntityManagerFactory factory, Contributions contributions, Clock clock) {
        this.factory = factory;
        this.contributions = contributions;
        this.clock = clock;
    }

    /** Publishes the year's status as of {@code asOf} (default today), replacing what was published for the year. */
    public ContributionTable publish(Integer year, LocalDate asOf, String user) {
        int y = Money.year("year", year);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw DomainException.invalid("asOf", "asOf is in the future: a status is published as of today or a day before");
        }
        Contributions.Status status = contributions.status(y, day);
        Contributions.Voluntary voluntary = contributions.voluntary(y, day);
        if (status.states().isEmpty() && voluntary.total().signum() == 0) {
            throw DomainException.invalid("year", "nothing to publish for " + y + ": no contribution is assessed and no voluntary contribution received");
        }
        String currency = status.currency();
        return Transactions.inTransaction(factory, em -> {
            List<PublishedTable> previous = em.createQuery("SELECT t FROM PublishedTable t WHERE t.year = :year", PublishedTable.class)
                    .setParameter("year", y).getResultList();
            for (PublishedTable old : previous) {
                em.createQuery("DELETE FROM PublishedLine l WHERE l.tableId = :id").setParameter("id", old.id).executeUpdate();
                em.remove(old);
            }
            em.flush();
            PublishedTable table = new PublishedTable();
            table.year = y;
            table.asOf = day;
            table.currency = currency;
            table.assessed = status.totals().assessed();
            table.received = status.totals().received();
            table.outstanding = status.totals().outstanding();
            table.voluntary = voluntary.total();
            BigDecimal named = voluntary.namedStates().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(voluntary.namedDonors().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            table.unnamedVoluntary = voluntary.total().subtract(named);
            table.publishedBy = user;
            table.publishedAt = clock.instant();
            em.persist(table);
            em.flush();
            int position = 0;
            for (Contributions.StateStatus state : status.states()) {
                BigDecimal shown = voluntary.namedStates().getOrDefault(state.state(), BigDecimal.ZERO);
                if (state.assessed().signum() == 0 && shown.signum() == 0) {
                    continue;
                }
                PublishedLine line = new PublishedLine();
                line.tableId = table.id;
                line.position = ++position;
                line.state = state.state();
                line.name = state.name();
                line.assessed = state.assessed();
                line.received = state.received();
                line.outstanding = state.outstanding();
                line.voluntary = shown;
                line.status = state.status();
                em.persist(line);
            }
            for (Map.Entry<String, BigDecimal> donor : voluntary.namedDonors().entrySet()) {
                PublishedLine line = new PublishedLine();
                line.tableId = table.id;
                line.position = ++position;
                line.donor = donor.getKey();
                line.voluntary = donor.getValue();
                em.persist(line);
            }
            // A state named only for voluntary money it may be named for, and assessed nowhere this year, still gets a line.
            for (Map.Entry<String, BigDecimal> state : voluntary.namedStates().entrySet()) {
                boolean listed = status.states().stream().anyMatch(s -> s.state().equals(state.getKey()));
                if (!listed) {
                    PublishedLine line = new PublishedLine();
                    line.tableId = table.id;
                    line.position = ++position;
                    line.state = state.getKey();
                    line.voluntary = state.getValue();
                    line.assessed = BigDecimal.ZERO;
                    line.received = BigDecimal.ZERO;
                    line.outstanding = BigDecimal.ZERO;
                    line.status = "NOT_ASSESSED";
                    em.persist(line);
                }
            }
            em.flush();
            return table(em, table);
        });
    }

    @Override
    public Optional<ContributionTable> published(int year) {
        return Transactions.read(factory, em -> em.createQuery("SELECT t FROM PublishedTable t WHERE t.year = :year", PublishedTable.class)
                .setParameter("year", year).getResultList().stream().findFirst().map(t -> table(em, t)));
    }

    @Override
    public List<Integer> publishedYears() {
        return Transactions.read(factory, em -> em.createQuery("SELECT t.year FROM PublishedTable t ORDER BY t.year DESC", Integer.class).getResultList());
    }

    /** Every published table, newest year first. */
    public List<ContributionTable> all() {
        return Transactions.read(factory, em -> em.createQuery("SELECT t FROM PublishedTable t ORDER BY t.year DESC", PublishedTable.class)
                .getResultList().stream().map(t -> table(em, t)).collect(java.util.stream.Collectors.toList()));
    }

    private static ContributionTable table(EntityManager em, PublishedTable table) {
        String currency = table.currency;
        List<PublishedLine> lines = em.createQuery("SELECT l FROM PublishedLine l WHERE l.tableId = :id", PublishedLine.class)
                .setParameter("id", table.id).getResultList();
        lines.sort(Comparator.comparingInt(l -> l.position));
        List<StateContribution> states = new ArrayList<>();
        List<DonorContribution> donors = new ArrayList<>();
        for (PublishedLine line : lines) {
            if (line.state != null) {
                states.add(new StateContribution(line.state, line.name, Money.stored(line.assessed, currency), Money.stored(line.received, currency),
                        Money.stored(line.outstanding, currency), Money.stored(line.voluntary, currency), line.status));
            } else {
                donors.add(new DonorContribution(line.donor, Money.stored(line.voluntary, currency)));
            }
        }
        return new ContributionTable(table.year, table.asOf, currency, table.publishedAt, List.copyOf(states), List.copyOf(donors),
                new ContributionTotals(Money.stored(table.assessed, currency), Money.stored(table.received, currency),
                        Money.stored(table.outstanding, currency), Money.stored(table.voluntary, currency), Money.stored(table.unnamedVoluntary, currency)));
    }
}
