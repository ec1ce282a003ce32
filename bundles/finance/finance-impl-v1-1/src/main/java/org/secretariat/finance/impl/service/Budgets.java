package org.secretariat.finance.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.finance.impl.domain.Budget;
import org.secretariat.finance.impl.domain.BudgetLine;
import org.secretariat.finance.impl.domain.BudgetStatus;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Budgets by year and line. Each year has revisions (1, 2, ...); a revision is drafted and changed
 * while a draft, proposed, then approved by the Director (the permission {@code finance.budget.approve}).
 */
@Component(service = Budgets.class)
public class Budgets {

    /** A budget as the API takes it: the year, a title and its lines; {@code version} to change a draft. */
    public record Input(Integer year, String title, List<Line> lines, Integer version) {
    }

    public record Line(String code, String title, BigDecimal amount) {
    }

    /** A budget revision as the API shows it; {@code statesPartiesApproval} once recorded. */
    public record View(long id, int year, int revision, String title, BudgetStatus status, String currency, List<Line> lines, BigDecimal total,
            String createdBy, Instant createdAt, Instant proposedAt, String approvedBy, Instant approvedAt, StatesPartiesApproval statesPartiesApproval,
            int version) {
    }

    /**
     * The States Parties' approval of an approved revision: the day, their decision's reference (free text), and the
     * meeting's id; {@code meeting} is the meeting's name when the meetings module checked the id (null otherwise).
     */
    public record StatesPartiesApproval(LocalDate approvedOn, String reference, Long meetingId, String meeting, Integer decision,
            String decisionTitle) {
    }

    /** The States Parties' approval as the API takes it; {@code version} (optional) is the budget's. */
    public record StatesPartiesInput(LocalDate approvedOn, String reference, Long meetingId, Integer decision, Integer version) {
    }

    private final EntityManagerFactory factory;
    private final ConventionProfile profile;
    private final BudgetSettings settings;
    private final AttendingStates meetings;
    private final Clock clock;

    @Activate
    public Budgets(@Reference(target = "(osgi.unit.name=finance)") EntityManagerFactory factory, @Reference ConventionProfile profile,
            @Reference BudgetSettings settings, @Reference AttendingStates meetings) {
        this(factory, profile, settings, meetings, Clock.systemUTC());
    }

    Budgets(EntityManagerFactory factory, ConventionProfile profile, BudgetSettings settings, AttendingStates meetings, Clock clock) {
        this.factory = factory;
        this.profile = profile;
        this.settings = settings;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** The budget revisions of a year (or of every year), newest first. */
    public List<View> list(Integer year) {
        return Transactions.read(factory, em -> em.createQuery("SELECT b FROM Budget b ORDER BY b.year DESC, b.revision DESC", Budget.class)
                .getResultList().stream().filter(b -> year == null || b.year == year).map(b -> view(em, b)).collect(Collectors.toList()));
    }

    public View get(long id) {
        return Transactions.read(factory, em -> view(em, require(em, id)));
    }

    /** A new draft: the year's next revision; without {@code lines}, it starts from the configured default lines at zero. */
    public View create(Input input, String user) {
        Checked checked = check(input == null || input.lines() != null ? input : new Input(input.year(), input.title(), defaultLines(), input.version()));
        return Transactions.inTransaction(factory, em -> {
            Integer highest = em.createQuery("SELECT MAX(b.revision) FROM Budget b WHERE b.year = :year", Integer.class)
                    .setParameter("year", checked.year).getSingleResult();
            Budget budget = new Budget();
            budget.year = checked.year;
            budget.revision = highest == null ? 1 : highest + 1;
            budget.status = BudgetStatus.DRAFT;
            budget.currency = profile.currency().getCurrencyCode();
            budget.createdBy = user;
            budget.createdAt = clock.instant();
            apply(em, budget, checked);
            em.persist(budget);
            em.flush();
            writeLines(em, budget, checked.lines);
            return view(em, budget);
        });
    }

    /** Changes a draft's title and lines (its year stays). */
    public View update(long id, Input input) {
        Checked checked = check(input);
        return Transactions.inTransaction(factory, em -> {
            Budget budget = require(em, id);
            Fields.version(input.version(), budget.version, "Budget " + id);
            if (budget.status != BudgetStatus.DRAFT) {
                throw DomainException.conflict(describe(budget) + " is " + budget.status.name().toLowerCase() + ": only a draft changes; make a new revision");
            }
            if (checked.year != budget.year) {
                throw DomainException.invalid("year", "a budget's year does not change: make a budget for " + checked.year);
            }
            apply(em, budget, checked);
            em.createQuery("DELETE FROM BudgetLine l WHERE l.budgetId = :id").setParameter("id", id).executeUpdate();
            writeLines(em, budget, checked.lines);
            em.flush();
            return view(em, budget);
        });
    }

    /** A draft goes to the Director. */
    public View propose(long id) {
        return Transactions.inTransaction(factory, em -> {
            Budget budget = require(em, id);
            if (budget.status != BudgetStatus.DRAFT) {
                throw DomainException.conflict(describe(budget) + " is " + budget.status.name().toLowerCase() + " already");
            }
            budget.status = BudgetStatus.PROPOSED;
            budget.proposedAt = clock.instant();
            em.flush();
            return view(em, budget);
        });
    }

    /** The Director approves a proposed budget. */
    public View approve(long id, String user) {
        return Transactions.inTransaction(factory, em -> {
            Budget budget = require(em, id);
            if (budget.status == BudgetStatus.DRAFT) {
                throw DomainException.conflict(describe(budget) + " is a draft: propose it first");
            }
            if (budget.status == BudgetStatus.APPROVED) {
                throw DomainException.conflict(describe(budget) + " is approved already");
            }
            budget.status = BudgetStatus.APPROVED;
            budget.approvedBy = user;
            budget.approvedAt = clock.instant();
            em.flush();
            return view(em, budget);
        });
    }

    /**
     * Records on an approved revision the day the States Parties approved it and their decision (replacing what was
     * recorded before). With the meetings module installed, a meeting id must be a meeting that sat that day, and a
     * decision number one of its decisions, adopted that day.
     */
    public View recordStatesPartiesApproval(long id, StatesPartiesInput input) {
        if (input == null) {
            throw DomainException.invalid("approvedOn", "a JSON body is required");
        }
        LocalDate on = Fields.present("approvedOn", input.approvedOn(), "the day the States Parties approved the budget");
        if (on.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("approvedOn", "approvedOn is in the future");
        }
        String reference = Fields.optional("reference", input.reference(), 300);
        if (reference == null && input.meetingId() == null) {
            throw DomainException.invalid("reference", "name the States Parties' decision (reference) or the meeting (meetingId)");
        }
        if (input.decision() != null && input.meetingId() == null) {
            throw DomainException.invalid("decision", "a decision is numbered within its meeting: give meetingId too");
        }
        if (input.decision() != null && input.decision() < 1) {
            throw DomainException.invalid("decision", "decision is a decision's number in its meeting, from 1");
        }
        String meeting = input.meetingId() == null ? null : meetings.meetingHeldOn(input.meetingId(), on);
        String decisionTitle = input.decision() == null ? null : meetings.decision(input.meetingId(), input.decision(), on);
        return Transactions.inTransaction(factory, em -> {
            Budget budget = require(em, id);
            if (input.version() != null) {
                Fields.version(input.version(), budget.version, "Budget " + id);
            }
            if (budget.status != BudgetStatus.APPROVED) {
                throw DomainException.conflict(describe(budget) + " is " + budget.status.name().toLowerCase()
                        + ": the Director approves it before the States Parties' approval is recorded");
            }
            budget.statesPartiesApprovedOn = on;
            budget.statesPartiesReference = reference;
            budget.statesPartiesMeetingId = input.meetingId();
            budget.statesPartiesMeeting = meeting;
            budget.statesPartiesDecision = input.decision();
            budget.statesPartiesDecisionTitle = decisionTitle;
            em.flush();
            return view(em, budget);
        });
    }

    /** The line codes of every revision of a fiscal year's budget, in the order the newest revision names them. */
    static Set<String> lineCodes(EntityManager em, int year) {
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        em.createQuery("SELECT l.code FROM BudgetLine l, Budget b WHERE l.budgetId = b.id AND b.year = :year ORDER BY b.revision DESC, l.position",
                String.class).setParameter("year", year).getResultList().forEach(codes::add);
        return codes;
    }

    private List<Line> defaultLines() {
        return settings.defaultLines().stream().map(line -> new Line(line.code(), line.title(), BigDecimal.ZERO)).collect(Collectors.toList());
    }

    static String describe(Budget budget) {
        return "Budget " + budget.year + " revision " + budget.revision;
    }

    static Budget require(EntityManager em, long id) {
        Budget budget = em.find(Budget.class, id);
        if (budget == null) {
            throw DomainException.notFound("No budget " + id);
        }
        return budget;
    }

    private record Checked(int year, String title, List<Line> lines, BigDecimal total) {
    }

    private Checked check(Input input) {
        if (input == null) {
            throw DomainException.invalid("year", "a JSON body is required");
        }
        int year = Money.year("year", input.year());
        String title = Fields.required("title", input.title(), 300);
        if (input.lines() == null || input.lines().isEmpty()) {
            throw DomainException.invalid("lines", "a budget has at least one line");
        }
        Currency currency = profile.currency();
        List<Line> lines = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : input.lines()) {
            if (line == null) {
                throw DomainException.invalid("lines", "a line is {\"code\",\"title\",\"amount\"}");
            }
            String code = Fields.required("lines", line.code() == null ? null : line.code().trim(), 20);
            if (!codes.add(code)) {
                throw DomainException.invalid("lines", "line " + code + " is named twice");
            }
            String lineTitle = Fields.required("lines", line.title(), 300);
            BigDecimal amount = Money.amount("lines", line.amount(), currency, true);
            lines.add(new Line(code, lineTitle, amount));
            total = total.add(amount);
        }
        return new Checked(year, title, lines, total);
    }

    private static void apply(EntityManager em, Budget budget, Checked checked) {
        budget.title = checked.title;
        budget.total = checked.total;
    }

    private static void writeLines(EntityManager em, Budget budget, List<Line> lines) {
        int position = 0;
        for (Line line : lines) {
            BudgetLine row = new BudgetLine();
            row.budgetId = budget.id;
            row.position = position++;
            row.code = line.code();
            row.title = line.title();
            row.amount = line.amount();
            em.persist(row);
        }
    }

    private static View view(EntityManager em, Budget b) {
        List<Line> lines = em.createQuery("SELECT l FROM BudgetLine l WHERE l.budgetId = :id ORDER BY l.position", BudgetLine.class)
                .setParameter("id", b.id).getResultList().stream().map(l -> new Line(l.code, l.title, Money.stored(l.amount, b.currency)))
                .collect(Collectors.toList());
        StatesPartiesApproval statesParties = b.statesPartiesApprovedOn == null ? null
                : new StatesPartiesApproval(b.statesPartiesApprovedOn, b.statesPartiesReference, b.statesPartiesMeetingId, b.statesPartiesMeeting,
                        b.statesPartiesDecision, b.statesPartiesDecisionTitle);
        return new View(b.id, b.year, b.revision, b.title, b.status, b.currency, lines, Money.stored(b.total, b.currency), b.createdBy, b.createdAt,
                b.proposedAt, b.approvedBy, b.approvedAt, statesParties, b.version);
    }
}
