package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.api.LargestRemainder;
import org.secretariat.finance.impl.domain.Contribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.finance.impl.domain.Receipt;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Contributions of a year: assessed ones (laid by saving an assessment), voluntary and earmarked
 * ones (pledged by a state or another donor), in the base currency or another; the receipts against
 * them; each state's status (assessed, received, outstanding) and its arrears by age.
 *
 * <p>What a receipt settles of its contribution is counted in the contribution's currency: the
 * receipt's own amount when both are in the same currency, otherwise the receipt's base amount
 * converted at the contribution's rate (half-even to the contribution currency's minor unit). Status,
 * arrears and totals are in the base currency: a contribution's base amount, a receipt's base amount.
 */
@Component(service = Contributions.class)
public class Contributions {

    /** A voluntary or earmarked contribution as the API takes it (assessed ones come from saving an assessment). */
    public record Input(Integer year, ContributionKind kind, String state, String donor, BigDecimal amount, String currency, BigDecimal exchangeRate,
            String purpose, LocalDate pledgedOn, Boolean publicDonor) {
    }

    /** A receipt against one contribution as the API takes it; {@code currency} defaults to the contribution's. */
    public record ReceiptInput(LocalDate receivedOn, BigDecimal amount, String currency, BigDecimal exchangeRate, String reference) {
    }

    /** A state's payment, applied to its oldest outstanding assessed contributions first. */
    public record StateReceiptInput(String state, LocalDate receivedOn, BigDecimal amount, String currency, BigDecimal exchangeRate, String reference) {
    }

    /**
     * A contribution as the API shows it, with what was received against it and what is outstanding in
     * its currency; and in the base currency: the receipts' base amounts, and what is outstanding at the
     * contribution's rate (with a pledge in another currency, base amount ≠ received + outstanding when
     * the rate moved between pledge and receipt).
     */
    public record View(long id, int year, ContributionKind kind, String state, String donor, BigDecimal amount, String currency, BigDecimal exchangeRate,
            BigDecimal baseAmount, String purpose, Long assessmentId, LocalDate pledgedOn, boolean publicDonor, BigDecimal received,
            BigDecimal outstanding, BigDecimal baseReceived, BigDecimal baseOutstanding, int version) {
    }

    /** How much of a state's payment went to one contribution (in the base currency) and what it still owes. */
    public record Applied(long contributionId, int year, BigDecimal amount, BigDecimal outstanding) {
    }

    public record StateReceipt(String state, LocalDate receivedOn, BigDecimal amount, String currency, BigDecimal exchangeRate, String rateSource,
            BigDecimal baseAmount, List<Applied> applied) {
    }

    /** A state's status for a year: assessed, received against it, outstanding; and its voluntary contributions received. */
    public record StateStatus(String state, String name, BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary,
            String status) {
    }

    public record Totals(BigDecimal assessed, BigDecimal received, BigDecimal outstanding, BigDecimal voluntary) {
    }

    public record Status(int year, String currency, List<StateStatus> states, Totals totals) {
    }

    /** Outstanding assessed amounts by age: assessed in the year asked about, one, two, three or more years before. */
    public record Ageing(BigDecimal current, BigDecimal oneYear, BigDecimal twoYears, BigDecimal threeYearsOrMore, BigDecimal total) {
    }

    public record YearOutstanding(int year, BigDecimal assessed, BigDecimal outstanding) {
    }

    public record StateArrears(String state, String name, Ageing ageing, List<YearOutstanding> years) {
    }

    public record Arrears(int asOf, String currency, List<StateArrears> states, Ageing totals) {
    }

    /** A year's voluntary money received by a day (base currency): what states and other donors who may be named gave, and the whole. */
    record Voluntary(Map<String, BigDecimal> namedStates, Map<String, BigDecimal> namedDonors, BigDecimal total) {
    }

    private final EntityManagerFactory factory;
    private final States states;
    private final ExchangeRates rates;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public Contributions(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference States states,
            @Reference ExchangeRates rates, @Reference ConventionProfile profile) {
        this(factory, states, rates, profile, Clock.systemUTC());
    }

    Contributions(EntityManagerFactory factory, States states, ExchangeRates rates, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.states = states;
        this.rates = rates;
        this.profile = profile;
        this.clock = clock;
    }

    public List<View> list(Integer year, String state) {
        String code = state == null || state.isBlank() ? null : state.trim().toUpperCase(Locale.ROOT);
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c ORDER BY c.year DESC, c.state, c.id", Contribution.class)
                    .getResultList().stream().filter(c -> year == null || c.year == year).filter(c -> code == null || code.equals(c.state))
                    .collect(Collectors.toList());
            Map<Long, BigDecimal> settled = settled(em, rows);
            Map<Long, BigDecimal> inBase = receivedInBase(em, rows, null);
            return rows.stream().map(c -> view(c, settled.getOrDefault(c.id, BigDecimal.ZERO), inBase.getOrDefault(c.id, BigDecimal.ZERO)))
                    .collect(Collectors.toList());
        });
    }

    /** Records a voluntary or earmarked contribution pledged, in the base currency or another (at the rate of its day). */
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
        LocalDate rateDay = input.pledgedOn() != null ? input.pledgedOn() : LocalDate.now(clock);
        return Transactions.inTransaction(factory, em -> {
            ExchangeRates.Conversion money = rates.convert(em, input.currency(), input.amount(), "amount", rateDay, input.exchangeRate());
            Contribution contribution = new Contribution();
            contribution.year = year;
            contribution.kind = kind;
            contribution.state = state;
            contribution.donor = donor;
            contribution.amount = money.amount();
            contribution.currency = money.currency().getCurrencyCode();
            contribution.exchangeRate = money.rate();
            contribution.baseAmount = money.baseAmount();
            contribution.publicDonor = Boolean.TRUE.equals(input.publicDonor());
            contribution.purpose = purpose;
            contribution.pledgedOn = input.pledgedOn();
            em.persist(contribution);
            em.flush();
            return view(contribution, BigDecimal.ZERO, BigDecimal.ZERO);
        });
    }

    /** Records money received against one contribution; more than is outstanding on it is refused. */
    public View receive(long contributionId, ReceiptInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("amount", "a JSON body is required");
        }
        LocalDate on = receivedOn(input.receivedOn());
        return Transactions.inTransaction(factory, em -> {
            Contribution contribution = em.find(Contribution.class, contributionId);
            if (contribution == null) {
                throw DomainException.notFound("No contribution " + contributionId);
            }
            String currency = input.currency() == null || input.currency().isBlank() ? contribution.currency : input.currency();
            ExchangeRates.Conversion money = rates.convert(em, currency, input.amount(), "amount", on, input.exchangeRate());
            BigDecimal settles = settles(contribution, money);
            BigDecimal before = settled(em, List.of(contribution)).getOrDefault(contribution.id, BigDecimal.ZERO);
            BigDecimal beforeInBase = receivedInBase(em, List.of(contribution), null).getOrDefault(contribution.id, BigDecimal.ZERO);
            BigDecimal outstanding = contribution.amount.subtract(before);
            if (settles.compareTo(outstanding) > 0) {
                throw DomainException.invalid("amount", "only " + Money.stored(outstanding, contribution.currency).toPlainString() + " "
                        + contribution.currency + " is outstanding on contribution " + contributionId
                        + (money.currency().getCurrencyCode().equals(contribution.currency) ? ""
                                : " (this receipt would settle " + settles.toPlainString() + " " + contribution.currency + ")"));
            }
            // Two receipts recorded at once against one contribution must not both pass the check above.
            em.lock(contribution, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            record(em, contribution, money, settles, on, input.reference(), user);
            return view(contribution, before.add(settles), beforeInBase.add(money.baseAmount()));
        });
    }

    /**
     * Records a state's payment without naming a contribution: it is applied to the state's assessed
     * contributions (in the base currency) with something outstanding, the oldest year first (then the
     * first laid), each up to what it owes; a payment larger than all of them is refused. This is the
     * one place the oldest-first rule lives: a receipt recorded against a contribution goes to that one.
     */
    public StateReceipt receiveFromState(StateReceiptInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("state", "a JSON body is required");
        }
        String state = states.code("state", input.state());
        LocalDate on = receivedOn(input.receivedOn());
        String reference = Fields.optional("reference", input.reference(), 100);
        return Transactions.inTransaction(factory, em -> {
            ExchangeRates.Conversion money = rates.convert(em, input.currency(), input.amount(), "amount", on, input.exchangeRate());
            String base = rates.base().getCurrencyCode();
            List<Contribution> assessed = em.createQuery("SELECT c FROM Contribution c WHERE c.state = :state AND c.kind = :kind AND c.currency = :base"
                    + " ORDER BY c.year, c.id", Contribution.class).setParameter("state", state).setParameter("kind", ContributionKind.ASSESSED)
                    .setParameter("base", base).getResultList();
            Map<Long, BigDecimal> settled = settled(em, assessed);
            BigDecimal owed = BigDecimal.ZERO;
            for (Contribution c : assessed) {
                owed = owed.add(c.amount.subtract(settled.getOrDefault(c.id, BigDecimal.ZERO)));
            }
            if (owed.signum() == 0) {
                throw DomainException.invalid("state", state + " has no assessed contribution outstanding: record the receipt against a contribution");
            }
            if (money.baseAmount().compareTo(owed) > 0) {
                throw DomainException.invalid("amount", "only " + Money.stored(owed, base).toPlainString() + " " + base
                        + " is outstanding on the assessed contributions of " + state + " (this payment is " + money.baseAmount().toPlainString() + " " + base + ")");
            }
            List<Applied> applied = new ArrayList<>();
            BigDecimal left = money.baseAmount();
            BigDecimal appliedBefore = BigDecimal.ZERO;
            BigDecimal foreignBefore = BigDecimal.ZERO;
            int foreignDigits = LargestRemainder.minorUnit(money.currency());
            for (Contribution c : assessed) {
                BigDecimal outstanding = c.amount.subtract(settled.getOrDefault(c.id, BigDecimal.ZERO));
                if (left.signum() == 0 || outstanding.signum() == 0) {
                    continue;
                }
                BigDecimal part = left.min(outstanding);
                left = left.subtract(part);
                appliedBefore = appliedBefore.add(part);
                // The parts in the payment's currency are cut from the running total, so they add up to the amount paid exactly.
                BigDecimal foreignUpTo = left.signum() == 0 ? money.amount()
                        : appliedBefore.divide(money.rate(), foreignDigits, RoundingMode.HALF_EVEN);
                BigDecimal foreignPart = foreignUpTo.subtract(foreignBefore);
                foreignBefore = foreignUpTo;
                em.lock(c, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                record(em, c, new ExchangeRates.Conversion(money.currency(), foreignPart, money.rate(), money.rateSource(), part), part, on, reference, user);
                applied.add(new Applied(c.id, c.year, Money.stored(part, base), Money.stored(outstanding.subtract(part), base)));
            }
            return new StateReceipt(state, on, money.amount(), money.currency().getCurrencyCode(), money.rate(), money.rateSource(), money.baseAmount(), applied);
        });
    }

    /** Each state's status for the year, by state code, and the totals, counting every receipt recorded. */
    public Status status(Integer year) {
        return status(Money.year("year", year), null);
    }

    /** The status counting the receipts received on or before {@code asOf} (all when null). */
    Status status(int year, LocalDate asOf) {
        String currency = profile.currency().getCurrencyCode();
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c WHERE c.year = :year", Contribution.class)
                    .setParameter("year", year).getResultList();
            Map<Long, BigDecimal> received = receivedInBase(em, rows, asOf);
            Map<String, BigDecimal[]> byState = new TreeMap<>();
            for (Contribution c : rows) {
                if (c.state == null) {
                    continue;
                }
                BigDecimal[] sums = byState.computeIfAbsent(c.state, s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal in = received.getOrDefault(c.id, BigDecimal.ZERO);
                if (c.kind == ContributionKind.ASSESSED) {
                    sums[0] = sums[0].add(c.baseAmount());
                    sums[1] = sums[1].add(in);
                } else {
                    sums[2] = sums[2].add(in);
                }
            }
            List<StateStatus> list = new ArrayList<>();
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            byState.forEach((state, sums) -> {
                BigDecimal outstanding = sums[0].subtract(sums[1]);
                list.add(new StateStatus(state, states.name(state), Money.stored(sums[0], currency), Money.stored(sums[1], currency),
                        Money.stored(outstanding, currency), Money.stored(sums[2], currency), paymentStatus(sums[0], sums[1])));
                totals[0] = totals[0].add(sums[0]);
                totals[1] = totals[1].add(sums[1]);
                totals[2] = totals[2].add(outstanding);
                totals[3] = totals[3].add(sums[2]);
            });
            return new Status(year, currency, list, new Totals(Money.stored(totals[0], currency), Money.stored(totals[1], currency),
                    Money.stored(totals[2], currency), Money.stored(totals[3], currency)));
        });
    }

    static String paymentStatus(BigDecimal assessed, BigDecimal received) {
        BigDecimal outstanding = assessed.subtract(received);
        return assessed.signum() == 0 ? "NOT_ASSESSED" : outstanding.signum() == 0 ? "PAID" : received.signum() == 0 ? "UNPAID" : "PARTLY_PAID";
    }

    /** The year's voluntary and earmarked money received on or before {@code asOf}, from states and other donors, in the base currency. */
    Voluntary voluntary(int year, LocalDate asOf) {
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c WHERE c.year = :year AND c.kind <> :assessed", Contribution.class)
                    .setParameter("year", year).setParameter("assessed", ContributionKind.ASSESSED).getResultList();
            Map<Long, BigDecimal> received = receivedInBase(em, rows, asOf);
            Map<String, BigDecimal> namedStates = new TreeMap<>();
            Map<String, BigDecimal> namedDonors = new TreeMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Contribution c : rows) {
                BigDecimal in = received.getOrDefault(c.id, BigDecimal.ZERO);
                total = total.add(in);
                if (c.publicDonor && in.signum() > 0) {
                    if (c.state != null) {
                        namedStates.merge(c.state, in, BigDecimal::add);
                    } else {
                        namedDonors.merge(c.donor, in, BigDecimal::add);
                    }
                }
            }
            return new Voluntary(namedStates, namedDonors, total);
        });
    }

    /**
     * Each state's outstanding assessed amounts of {@code asOf} and the years before, aged by
     * {@code asOf} − the year assessed (0: current, 1, 2, 3 or more), counting every receipt recorded.
     * States owing nothing are left out.
     */
    public Arrears arrears(Integer asOf) {
        int year = asOf == null ? LocalDate.now(clock).getYear() : Money.year("asOf", asOf);
        String currency = profile.currency().getCurrencyCode();
        return Transactions.read(factory, em -> {
            List<Contribution> rows = em.createQuery("SELECT c FROM Contribution c WHERE c.kind = :kind AND c.year <= :year AND c.state IS NOT NULL"
                    + " ORDER BY c.state, c.year, c.id", Contribution.class).setParameter("kind", ContributionKind.ASSESSED).setParameter("year", year)
                    .getResultList();
            Map<Long, BigDecimal> received = receivedInBase(em, rows, null);
            Map<String, TreeMap<Integer, BigDecimal[]>> byState = new TreeMap<>();
            for (Contribution c : rows) {
                BigDecimal outstanding = c.baseAmount().subtract(received.getOrDefault(c.id, BigDecimal.ZERO));
                BigDecimal[] sums = byState.computeIfAbsent(c.state, s -> new TreeMap<>()).computeIfAbsent(c.year,
                        y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(c.baseAmount());
                sums[1] = sums[1].add(outstanding);
            }
            BigDecimal[] totals = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            List<StateArrears> list = new ArrayList<>();
            byState.forEach((state, years) -> {
                BigDecimal[] buckets = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                List<YearOutstanding> owed = new ArrayList<>();
                years.forEach((assessedIn, sums) -> {
                    if (sums[1].signum() == 0) {
                        return;
                    }
                    int bucket = Math.min(3, year - assessedIn);
                    buckets[bucket] = buckets[bucket].add(sums[1]);
                    totals[bucket] = totals[bucket].add(sums[1]);
                    owed.add(new YearOutstanding(assessedIn, Money.stored(sums[0], currency), Money.stored(sums[1], currency)));
                });
                if (!owed.isEmpty()) {
                    list.add(new StateArrears(state, states.name(state), ageing(buckets, currency), owed));
                }
            });
            return new Arrears(year, currency, list, ageing(totals, currency));
        });
    }

    private static Ageing ageing(BigDecimal[] buckets, String currency) {
        BigDecimal total = buckets[0].add(buckets[1]).add(buckets[2]).add(buckets[3]);
        return new Ageing(Money.stored(buckets[0], currency), Money.stored(buckets[1], currency), Money.stored(buckets[2], currency),
                Money.stored(buckets[3], currency), Money.stored(total, currency));
    }

    private LocalDate receivedOn(LocalDate on) {
        Fields.present("receivedOn", on, "the day the money was received");
        if (on.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("receivedOn", "receivedOn is in the future");
        }
        return on;
    }

    /** What a receipt settles of its contribution, in the contribution's currency (see the class comment). */
    private BigDecimal settles(Contribution contribution, ExchangeRates.Conversion money) {
        if (money.currency().getCurrencyCode().equals(contribution.currency)) {
            return money.amount();
        }
        return money.baseAmount().divide(contribution.exchangeRate, LargestRemainder.minorUnit(Currency.getInstance(contribution.currency)),
                RoundingMode.HALF_EVEN);
    }

    private void record(EntityManager em, Contribution contribution, ExchangeRates.Conversion money, BigDecimal settles, LocalDate on, String reference,
            String user) {
        Receipt receipt = new Receipt();
        receipt.contributionId = contribution.id;
        receipt.receivedOn = on;
        receipt.amount = money.amount();
        receipt.currency = money.currency().getCurrencyCode();
        receipt.exchangeRate = money.rate();
        receipt.baseAmount = money.baseAmount();
        receipt.settledAmount = settles;
        receipt.reference = Fields.optional("reference", reference, 100);
        receipt.recordedBy = user;
        receipt.recordedAt = clock.instant();
        em.persist(receipt);
    }

    /** What the receipts settled of each contribution, in its currency. */
    static Map<Long, BigDecimal> settled(EntityManager em, List<Contribution> contributions) {
        Map<Long, BigDecimal> settled = new HashMap<>();
        receipts(em, contributions, null).forEach(r -> settled.merge(r.contributionId, r.settledAmount(), BigDecimal::add));
        return settled;
    }

    /** What was received against each contribution on or before {@code asOf} (all when null), in the base currency. */
    static Map<Long, BigDecimal> receivedInBase(EntityManager em, List<Contribution> contributions, LocalDate asOf) {
        Map<Long, BigDecimal> received = new HashMap<>();
        receipts(em, contributions, asOf).forEach(r -> received.merge(r.contributionId, r.baseAmount(), BigDecimal::add));
        return received;
    }

    static List<Receipt> receipts(EntityManager em, List<Contribution> contributions, LocalDate asOf) {
        List<Receipt> found = new ArrayList<>();
        List<Long> ids = contributions.stream().map(c -> c.id).collect(Collectors.toList());
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(em.createQuery("SELECT r FROM Receipt r WHERE r.contributionId IN :ids", Receipt.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList());
        }
        if (asOf != null) {
            found.removeIf(r -> r.receivedOn.isAfter(asOf));
        }
        return found;
    }

    private View view(Contribution c, BigDecimal settled, BigDecimal receivedInBase) {
        String base = profile.currency().getCurrencyCode();
        BigDecimal outstanding = c.amount.subtract(settled);
        return new View(c.id, c.year, c.kind, c.state, c.donor, Money.stored(c.amount, c.currency), c.currency, ExchangeRates.plain(c.exchangeRate),
                Money.stored(c.baseAmount(), base), c.purpose, c.assessmentId, c.pledgedOn, c.publicDonor, Money.stored(settled, c.currency),
                Money.stored(outstanding, c.currency), Money.stored(receivedInBase, base), rates.toBase(outstanding, c.exchangeRate), c.version);
    }
}
