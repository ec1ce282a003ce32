package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Activity;
import org.secretariat.finance.impl.domain.ActivityStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * The work plan: activities of a fiscal year, each under a line of that year's budget, with the amount
 * planned for it. What is planned per line is shown against the line in the budget's execution.
 */
@Component(service = Activities.class)
public class Activities {

    /** An activity as the API takes it; {@code version} to change one. */
    public record Input(Integer year, String code, String title, String line, BigDecimal planned, String period, ActivityStatus status,
            Integer version) {
    }

    public record View(long id, int year, String code, String title, String line, BigDecimal planned, String period, ActivityStatus status,
            int version) {
    }

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;

    @Activate
    public Activities(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile) {
        this.factory = factory;
        this.profile = profile;
    }

    /** The activities of a fiscal year, by line and code. */
    public List<View> list(Integer year) {
        int y = Money.year("year", year);
        return Transactions.read(factory, em -> em.createQuery("SELECT a FROM Activity a WHERE a.year = :year ORDER BY a.lineCode, a.code", Activity.class)
                .setParameter("year", y).getResultList().stream().map(this::view).collect(Collectors.toList()));
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(require(em, id)));
    }

    public View create(Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            requireLine(em, checked);
            requireUnique(em, checked, null);
            Activity activity = new Activity();
            apply(activity, checked);
            em.persist(activity);
            em.flush();
            return view(activity);
        });
    }

    /** Changes an activity (its year stays). */
    public View update(long id, Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            Activity activity = require(em, id);
            Fields.version(input.version(), activity.version, "Activity " + id);
            if (checked.year != activity.year) {
                throw DomainException.invalid("year", "an activity's year does not change: make one for " + checked.year);
            }
            requireLine(em, checked);
            requireUnique(em, checked, activity.id);
            apply(activity, checked);
            em.flush();
            return view(activity);
        });
    }

    /** Removes an activity no expenditure names; one with expenditure is cancelled instead (status CANCELLED). */
    public void delete(long id) {
        Transactions.inTransaction(factory, em -> {
            Activity activity = require(em, id);
            Long spent = em.createQuery("SELECT COUNT(e) FROM Expenditure e WHERE e.activityId = :id", Long.class).setParameter("id", id)
                    .getSingleResult();
            if (spent > 0) {
                throw DomainException.conflict("Activity " + activity.code + " has " + spent + " expenditure entries: set its status to CANCELLED instead");
            }
            em.remove(activity);
            return null;
        });
    }

    /** What the activities of a fiscal year plan per budget line (cancelled ones left out). */
    static Map<String, BigDecimal> plannedByLine(EntityManager em, int year) {
        Map<String, BigDecimal> planned = new HashMap<>();
        em.createQuery("SELECT a FROM Activity a WHERE a.year = :year AND a.status <> :cancelled", Activity.class).setParameter("year", year)
                .setParameter("cancelled", ActivityStatus.CANCELLED).getResultList()
                .forEach(a -> planned.merge(a.lineCode, a.planned, BigDecimal::add));
        return planned;
    }

    private record Checked(int year, String code, String title, String line, BigDecimal planned, String period, ActivityStatus status) {
    }

    private Checked check(Input input) {
        if (input == null) {
            throw DomainException.invalid("year", "a JSON body is required");
        }
        int year = Money.year("year", input.year());
        String code = Fields.required("code", input.code() == null ? null : input.code().trim(), 20);
        String title = Fields.required("title", input.title(), 300);
        String line = Fields.required("line", input.line() == null ? null : input.line().trim(), 20);
        Currency currency = profile.currency();
        BigDecimal planned = Money.amount("planned", input.planned(), currency, true);
        String period = Fields.optional("period", input.period(), 20);
        ActivityStatus status = input.status() == null ? ActivityStatus.PLANNED : input.status();
        return new Checked(year, code, title, line, planned, period, status);
    }

    private static void requireLine(EntityManager em, Checked checked) {
        Set<String> lines = Budgets.lineCodes(em, checked.year);
        if (lines.isEmpty()) {
            throw DomainException.invalid("year", "fiscal year " + checked.year + " has no budget: draft one first");
        }
        if (!lines.contains(checked.line)) {
            throw DomainException.invalid("line", "the budgets of " + checked.year + " have no line " + checked.line + "; their lines: "
                    + String.join(", ", lines));
        }
    }

    private static void requireUnique(EntityManager em, Checked checked, Long self) {
        List<Activity> same = em.createQuery("SELECT a FROM Activity a WHERE a.year = :year AND a.code = :code", Activity.class)
                .setParameter("year", checked.year).setParameter("code", checked.code).getResultList();
        if (same.stream().anyMatch(a -> !a.id.equals(self))) {
            throw DomainException.conflict("the work plan of " + checked.year + " has an activity " + checked.code + " already");
        }
    }

    private static void apply(Activity activity, Checked checked) {
        activity.year = checked.year;
        activity.code = checked.code;
        activity.title = checked.title;
        activity.lineCode = checked.line;
        activity.planned = checked.planned;
        activity.period = checked.period;
        activity.status = checked.status;
    }

    static Activity require(EntityManager em, long id) {
        Activity activity = em.find(Activity.class, id);
        if (activity == null) {
            throw DomainException.notFound("No activity " + id);
        }
        return activity;
    }

    private View view(Activity a) {
        return new View(a.id, a.year, a.code, a.title, a.lineCode, Money.stored(a.planned, profile.currency().getCurrencyCode()), a.period, a.status,
                a.version);
    }
}
