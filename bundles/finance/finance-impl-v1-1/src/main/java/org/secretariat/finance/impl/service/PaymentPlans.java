package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Contribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.finance.impl.domain.PaymentInstalment;
import org.secretariat.finance.impl.domain.PaymentPlan;
import org.secretariat.finance.impl.domain.PaymentPlanContribution;
import org.secretariat.finance.impl.domain.Receipt;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Plans agreed with a state to pay its arrears in instalments. A plan covers the state's assessed
 * contributions of the years before the one it is agreed in that still owed something on the day it
 * was agreed; its amount is at most what they owed then, and the instalments add up to it exactly,
 * due on ascending days. Receipts against the covered contributions dated on or after the day agreed
 * pay the instalments in order: an instalment is PAID once the receipts reach it, else LATE after its
 * day, else DUE.
 */
@Component(service = PaymentPlans.class)
public class PaymentPlans {

    public record InstalmentInput(LocalDate dueOn, BigDecimal amount) {
    }

    /** A plan as the API takes it; {@code amount} defaults to the whole arrears, {@code agreedOn} to today; {@code version} to change one. */
    public record Input(String state, LocalDate agreedOn, BigDecimal amount, String note, List<InstalmentInput> instalments, Integer version) {
    }

    public record InstalmentView(int position, LocalDate dueOn, BigDecimal amount, BigDecimal paid, String status) {
    }

    public record Covered(long contributionId, int year) {
    }

    public record View(long id, String state, String name, LocalDate agreedOn, BigDecimal amount, String currency, String note, List<Covered> covers,
            List<InstalmentView> instalments, BigDecimal paid, BigDecimal remaining, boolean overdue, String createdBy, Instant createdAt, int version) {
    }

    private final EntityManagerFactory factory;
    private final States states;
    private final ConventionProfile profile;
    private final Clock clock;

    @Activate
    public PaymentPlans(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference States states,
            @Reference ConventionProfile profile) {
        this(factory, states, profile, Clock.systemUTC());
    }

    PaymentPlans(EntityManagerFactory factory, States states, ConventionProfile profile, Clock clock) {
        this.factory = factory;
        this.states = states;
        this.profile = profile;
        this.clock = clock;
    }

    /** The plans, of one state or all; only those with a late instalment when {@code overdue}. */
    public List<View> list(String state, boolean overdue) {
        String code = state == null || state.isBlank() ? null : states.code("state", state);
        return Transactions.read(factory, em -> {
            List<PaymentPlan> plans = code == null
                    ? em.createQuery("SELECT p FROM PaymentPlan p ORDER BY p.state, p.agreedOn, p.id", PaymentPlan.class).getResultList()
                    : em.createQuery("SELECT p FROM PaymentPlan p WHERE p.state = :state ORDER BY p.agreedOn, p.id", PaymentPlan.class)
                            .setParameter("state", code).getResultList();
            return plans.stream().map(p -> view(em, p)).filter(v -> !overdue || v.overdue()).collect(Collectors.toList());
        });
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, find(em, id)));
    }

    public View create(Input input, String user) {
        if (input == null) {
            throw DomainException.invalid("state", "a JSON body is required");
        }
        String state = states.code("state", input.state());
        LocalDate agreedOn = agreedOn(input.agreedOn());
        return Transactions.inTransaction(factory, em -> {
            List<Contribution> arrears = em.createQuery("SELECT c FROM Contribution c WHERE c.state = :state AND c.kind = :kind AND c.year < :year"
                    + " AND c.currency = :base ORDER BY c.year, c.id", Contribution.class).setParameter("state", state)
                    .setParameter("kind", ContributionKind.ASSESSED).setParameter("year", agreedOn.getYear()).setParameter("base", base())
                    .getResultList();
            Map<Long, BigDecimal> owed = owedBefore(em, arrears, agreedOn);
            List<Contribution> covered = arrears.stream().filter(c -> owed.get(c.id).signum() > 0).collect(Collectors.toList());
            if (covered.isEmpty()) {
                throw DomainException.invalid("state", state + " has no arrears: nothing assessed before " + agreedOn.getYear() + " was outstanding on " + agreedOn);
            }
            PaymentPlan plan = new PaymentPlan();
            plan.state = state;
            plan.currency = base();
            plan.createdBy = user;
            plan.createdAt = clock.instant();
            apply(em, plan, input, agreedOn, covered.stream().map(c -> owed.get(c.id)).reduce(BigDecimal.ZERO, BigDecimal::add));
            em.persist(plan);
            em.flush();
            for (Contribution c : covered) {
                PaymentPlanContribution link = new PaymentPlanContribution();
                link.planId = plan.id;
                link.contributionId = c.id;
                em.persist(link);
            }
            writeInstalments(em, plan, input.instalments());
            em.flush();
            return view(em, plan);
        });
    }

    /** Changes a plan's day agreed, amount, note and instalments; it keeps the contributions it covers. */
    public View update(long id, Input input) {
        if (input == null) {
            throw DomainException.invalid("instalments", "a JSON body is required");
        }
        return Transactions.inTransaction(factory, em -> {
            PaymentPlan plan = find(em, id);
            Fields.version(input.version(), plan.version, "Payment plan " + id);
            if (input.state() != null && !input.state().isBlank() && !states.code("state", input.state()).equals(plan.state)) {
                throw DomainException.invalid("state", "a plan stays with its state (" + plan.state + "): make a new plan for another");
            }
            LocalDate agreedOn = agreedOn(input.agreedOn() == null ? plan.agreedOn : input.agreedOn());
            List<Contribution> covered = covered(em, plan.id);
            Map<Long, BigDecimal> owed = owedBefore(em, covered, agreedOn);
            apply(em, plan, input, agreedOn, owed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            em.createQuery("DELETE FROM PaymentInstalment i WHERE i.planId = :id").setParameter("id", id).executeUpdate();
            writeInstalments(em, plan, input.instalments());
            // The plan's row may not change when only its instalments do: its version must move all the same.
            em.lock(plan, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            return view(em, plan);
        });
    }

    public void delete(long id) {
        Transactions.inTransaction(factory, em -> {
            PaymentPlan plan = find(em, id);
            em.createQuery("DELETE FROM PaymentInstalment i WHERE i.planId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM PaymentPlanContribution c WHERE c.planId = :id").setParameter("id", id).executeUpdate();
            em.remove(plan);
            return null;
        });
    }

    private void apply(EntityManager em, PaymentPlan plan, Input input, LocalDate agreedOn, BigDecimal owedStored) {
        String currency = base();
        BigDecimal owed = Money.stored(owedStored, currency);
        BigDecimal amount = input.amount() == null ? owed : Money.amount("amount", input.amount(), profile.currency(), false);
        if (amount.compareTo(owed) > 0) {
            throw DomainException.invalid("amount", "the plan covers " + amount.toPlainString() + " " + currency + " but " + plan.state + " owed "
                    + owed.toPlainString() + " " + currency + " on " + agreedOn);
        }
        List<InstalmentInput> instalments = input.instalments();
        if (instalments == null || instalments.isEmpty()) {
            throw DomainException.invalid("instalments", "a plan has at least one instalment: [{\"dueOn\",\"amount\"}]");
        }
        BigDecimal total = BigDecimal.ZERO;
        LocalDate previous = null;
        for (int i = 0; i < instalments.size(); i++) {
            InstalmentInput instalment = instalments.get(i);
            if (instalment == null || instalment.dueOn() == null) {
                throw DomainException.invalid("instalments", "instalment " + (i + 1) + " has no dueOn");
            }
            if (instalment.dueOn().isBefore(agreedOn)) {
                throw DomainException.invalid("instalments", "instalment " + (i + 1) + " is due on " + instalment.dueOn() + ", before the plan was agreed ("
                        + agreedOn + ")");
            }
            if (previous != null && !instalment.dueOn().isAfter(previous)) {
                throw DomainException.invalid("instalments", "instalment " + (i + 1) + " is due on " + instalment.dueOn() + ", not after instalment " + i
                        + " (" + previous + "): the days must ascend");
            }
            previous = instalment.dueOn();
            total = total.add(Money.amount("instalments", instalment.amount(), profile.currency(), false));
        }
        if (total.compareTo(amount) != 0) {
            throw DomainException.invalid("instalments", "the instalments add up to " + total.toPlainString() + " " + currency + ", not the "
                    + amount.toPlainString() + " " + currency + " the plan covers");
        }
        plan.agreedOn = agreedOn;
        plan.amount = amount;
        plan.note = Fields.optional("note", input.note(), 300);
    }

    private void writeInstalments(EntityManager em, PaymentPlan plan, List<InstalmentInput> instalments) {
        for (int i = 0; i < instalments.size(); i++) {
            PaymentInstalment row = new PaymentInstalment();
            row.planId = plan.id;
            row.position = i + 1;
            row.dueOn = instalments.get(i).dueOn();
            row.amount = Money.amount("instalments", instalments.get(i).amount(), profile.currency(), false);
            em.persist(row);
        }
    }

    private LocalDate agreedOn(LocalDate given) {
        LocalDate today = LocalDate.now(clock);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw DomainException.invalid("agreedOn", "agreedOn is in the future");
        }
        return given;
    }

    /** What each contribution owed before {@code day}: its amount less the receipts dated earlier. */
    private static Map<Long, BigDecimal> owedBefore(EntityManager em, List<Contribution> contributions, LocalDate day) {
        Map<Long, BigDecimal> owed = new java.util.HashMap<>();
        contributions.forEach(c -> owed.put(c.id, c.amount));
        for (Receipt r : Contributions.receipts(em, contributions, day.minusDays(1))) {
            owed.merge(r.contributionId, r.settledAmount().negate(), BigDecimal::add);
        }
        return owed;
    }

    private static List<Contribution> covered(EntityManager em, long planId) {
        return em.createQuery("SELECT c FROM Contribution c WHERE c.id IN (SELECT l.contributionId FROM PaymentPlanContribution l WHERE l.planId = :id)"
                + " ORDER BY c.year, c.id", Contribution.class).setParameter("id", planId).getResultList();
    }

    private static PaymentPlan find(EntityManager em, long id) {
        PaymentPlan plan = em.find(PaymentPlan.class, id);
        if (plan == null) {
            throw DomainException.notFound("No payment plan " + id);
        }
        return plan;
    }

    private String base() {
        return profile.currency().getCurrencyCode();
    }

    private View view(EntityManager em, PaymentPlan plan) {
        String currency = plan.currency;
        List<Contribution> covered = covered(em, plan.id);
        BigDecimal paid = Contributions.receipts(em, covered, null).stream().filter(r -> !r.receivedOn.isBefore(plan.agreedOn))
                .map(Receipt::settledAmount).reduce(BigDecimal.ZERO, BigDecimal::add).min(plan.amount);
        List<PaymentInstalment> rows = em.createQuery("SELECT i FROM PaymentInstalment i WHERE i.planId = :id", PaymentInstalment.class)
                .setParameter("id", plan.id).getResultList();
        rows.sort(Comparator.comparingInt(i -> i.position));
        LocalDate today = LocalDate.now(clock);
        BigDecimal left = paid;
        boolean overdue = false;
        List<InstalmentView> instalments = new ArrayList<>();
        for (PaymentInstalment i : rows) {
            BigDecimal towards = left.min(i.amount);
            left = left.subtract(towards);
            String status = towards.compareTo(i.amount) == 0 ? "PAID" : i.dueOn.isBefore(today) ? "LATE" : "DUE";
            overdue |= status.equals("LATE");
            instalments.add(new InstalmentView(i.position, i.dueOn, Money.stored(i.amount, currency), Money.stored(towards, currency), status));
        }
        return new View(plan.id, plan.state, states.name(plan.state), plan.agreedOn, Money.stored(plan.amount, currency), currency, plan.note,
                covered.stream().map(c -> new Covered(c.id, c.year)).collect(Collectors.toList()), instalments, Money.stored(paid, currency),
                Money.stored(plan.amount.subtract(paid), currency), overdue, plan.createdBy, plan.createdAt, plan.version);
    }
}
