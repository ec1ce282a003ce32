package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Contribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.finance.impl.domain.Receipt;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Contributions of a year: assessed ones (laid by saving an assessment), voluntary and earmarked
 * ones (pledged by a state or another donor); the receipts against them; and each state's status:
 * assessed, received, outstanding.
 */
@Component(service = Contributions.class)
public class Contributions {

    /** A voluntary or earmarked contribution as the API takes it (assessed ones come from saving an assessment). */
    public record Input(Integer year, ContributionKind kind, String state, String donor, BigDecimal amount, String purpose, LocalDate pledgedOn) {
    }

    /** A receipt as the API takes it. */
    public record ReceiptInput(LocalDate receivedOn, BigDecimal amount, String reference) {
    }

    /** A contribution as the API shows it, with what was received against it and what is outstanding. */
    public record View(long id, int year, ContributionKind kind, String state, String donor, BigDecimal amount, String currency, String purpose,
            Long assessmentId, LocalDate pledgedOn, BigDecimal received, BigDecimal outstanding, int version) {
    }

    /** A state's status for a year: assessed, received against it, outstanding; and its voluntary contributions received. */
    public record StateStatus(String state, String name, BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary,
            String status) {
    }

    public record Totals(BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary) {
    }

    public record Status(int year, String currency, List<StateStatus> states, Totals totals) {
    }

    private final EntityManagerFactory factory;
    private final States states;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public Contributions(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference States states,
            @Reference ConventionProfile profile) {
        this(factory, states, profile, Clock.systemUTC());
    }

    Contributions(EntityManagerFactory factory, States states, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.states = states;
        this.profile = profile;
        this.clock = clock;
    }

    public List<View> list(Integer year, String state) {
        String code = state == null || state.isBlank() ? null : state.trim().toUpperCase(java.util.Locale.ROOT);
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c ORDER BY c.year DESC, c.state, c.id", Contribution.class)
                    .getResultList().stream().filter(c -> year == null || c.year == year).filter(c -> code == null || code.equals(c.state))
                    .collect(Collectors.toList());
            Map<Long, BigDecimal> received = received(em, rows);
            return rows.stream().map(c -> view(c, received.getOrDefault(c.id, BigDecimal.ZERO))).collect(Collectors.toList());
        });
    }

    /** Records a voluntary or earmarked contribution pledged. */
    public View pledge(Input input) {
        if (input == null) {
            throw DomainException.invalid("year", "a JSON body is required");
        }
        int year = Money.year("year", input.year());
        ContributionKind kind = Fields.present("kind", input.kind(), "VOLUNTARY or EARMARKED");
        if (kind == ContributionKind.ASSESSED) {
            throw DomainException.invalid("kind", "assessed contributions are laid by saving the year's assessment");
        }
        String state = input.state() == null || input.state().isBlank() ? null : states.code("state", input.state());
        String donor = Fields.optional("donor", input.donor(), 300);
        if (state == null && donor == null) {
            throw DomainException.invalid("donor", "a contribution comes from a state or a donor: give state or donor");
        }
        String purpose = Fields.optional("purpose", input.purpose(), 300);
        if (kind == ContributionKind.EARMARKED && purpose == null) {
            throw DomainException.invalid("purpose", "an earmarked contribution names its purpose");
        }
        Currency currency = profile.currency();
        BigDecimal amount = Money.amount("amount", input.amount(), currency, false);
        return Transactions.inTransaction(factory, em -> {
            Contribution contribution = new Contribution();
            contribution.year = year;
            contribution.kind = kind;
            contribution.state = state;
            contribution.donor = donor;
            contribution.amount = amount;
            contribution.currency = currency.getCurrencyCode();
            contribution.purpose = purpose;
            contribution.pledgedOn = input.pledgedOn();
            em.persist(contribution);
            em.flush();
            return view(contribution, BigDecimal.ZERO);
        });
    }

    /** Records money received against a contribution; more than is outstanding is refused. */
    public View receive(long contributionId, ReceiptInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("amount", "a JSON body is required");
        }
        return Transactions.inTransaction(factory, em -> {
            Contribution contribution = em.find(Contribution.class, contributionId);
            if (contribution == null) {
                throw DomainException.notFound("No contribution " + contributionId);
            }
            BigDecimal amount = Money.amount("amount", input.amount(), Currency.getInstance(contribution.currency), false);
            LocalDate on = Fields.present("receivedOn", input.receivedOn(), "the day the money was received");
            if (on.isAfter(LocalDate.now(clock))) {
                throw DomainException.invalid("receivedOn", "receivedOn is in the future");
            }
            BigDecimal before = received(em, List.of(contribution)).getOrDefault(contribution.id, BigDecimal.ZERO);
            BigDecimal outstanding = contribution.amount.subtract(before);
            if (amount.compareTo(outstanding) > 0) {
                throw DomainException.invalid("amount", "only " + Money.stored(outstanding, contribution.currency).toPlainString() + " "
                        + contribution.currency + " is outstanding on contribution " + contributionId);
            }
            Receipt receipt = new Receipt();
            receipt.contributionId = contribution.id;
            receipt.receivedOn = on;
            receipt.amount = amount;
            receipt.reference = Fields.optional("reference", input.reference(), 100);
            receipt.recordedBy = user;
            receipt.recordedAt = clock.instant();
            em.persist(receipt);
            return view(contribution, before.add(amount));
        });
    }

    /** Each state's status for the year, by state code, and the totals. */
    public Status status(Integer year) {
        int y = Money.year("year", year);
        String currency = profile.currency().getCurrencyCode();
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c WHERE c.year = :year", Contribution.class)
                    .setParameter("year", y).getResultList();
            Map<Long, BigDecimal> received = received(em, rows);
            Map<String, BigDecimal[]> byState = new TreeMap<>();
            for (Contribution c : rows) {
                if (c.state == null) {
                    continue;
                }
                BigDecimal[] sums = byState.computeIfAbsent(c.state, s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal in = received.getOrDefault(c.id, BigDecimal.ZERO);
                if (c.kind == ContributionKind.ASSESSED) {
                    sums[0] = sums[0].add(c.amount);
                    sums[1] = sums[1].add(in);
                } else {
                    sums[2] = sums[2].add(in);
                }
            }
            List<StateStatus> list = new ArrayList<>();
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            byState.forEach((state, sums) -> {
                BigDecimal outstanding = sums[0].subtract(sums[1]);
                String status = sums[0].signum() == 0 ? "NOT_ASSESSED" : outstanding.signum() == 0 ? "PAID" : sums[1].signum() == 0 ? "UNPAID" : "PARTLY_PAID";
                list.add(new StateStatus(state, states.name(state), Money.stored(sums[0], currency), Money.stored(sums[1], currency),
                        Money.stored(outstanding, currency), Money.stored(sums[2], currency), status));
                totals[0] = totals[0].add(sums[0]);
                totals[1] = totals[1].add(sums[1]);
                totals[2] = totals[2].add(outstanding);
                totals[3] = totals[3].add(sums[2]);
            });
            return new Status(y, currency, list, new Totals(Money.stored(totals[0], currency), Money.stored(totals[1], currency),
                    Money.stored(totals[2], currency), Money.stored(totals[3], currency)));
        });
    }

    private static Map<Long, BigDecimal> received(EntityManager em, List<Contribution> contributions) {
        Map<Long, BigDecimal> received = new HashMap<>();
        if (contributions.isEmpty()) {
            return received;
        }
        List<Long> ids = contributions.stream().map(c -> c.id).collect(Collectors.toList());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Receipt> receipts = em.createQuery("SELECT r FROM Receipt r WHERE r.contributionId IN :ids", Receipt.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList();
            receipts.forEach(r -> received.merge(r.contributionId, r.amount, BigDecimal::add));
        }
        return received;
    }

    private static View view(Contribution c, BigDecimal received) {
        return new View(c.id, c.year, c.kind, c.state, c.donor, Money.stored(c.amount, c.currency), c.currency, c.purpose, c.assessmentId, c.pledgedOn,
                Money.stored(received, c.currency), Money.stored(c.amount.subtract(received), c.currency), c.version);
    }
}
