package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * A programme's selection: the proposal ({@link Proposal}) over its submitted applications and its
 * fund's balance now, and the Director's approval, which commits the amounts of those funded and offers
 * them the award, in one transaction.
 */
@Component(service = Selection.class)
public class Selection {

    /** A line of the proposal as staff read it, with the application's version for an adjustment. */
    public record Line(int rank, long applicationId, String stateIso2, String stateName, String name, int points, java.util.List<String> criteria,
            BigDecimal cost, String costMissing, org.secretariat.sponsorship.impl.domain.Adjustment adjustment, String adjustmentReason,
            Proposal.Outcome outcome, BigDecimal balanceAfter, int applicationVersion) {
    }

    public record View(long programmeId, String currency, Funds.Balance fundBalance, int places, int maxPerState, List<Line> lines, int funded,
            BigDecimal total, BigDecimal left, Instant approvedAt, String approvedBy, int programmeVersion) {
    }

    /** The approval: the programme's version read with the proposal (so the Director approves what was seen). */
    public record Approval(Integer version) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Selection(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this(factory, partners, Clock.systemUTC());
    }

    Selection(EntityManagerFactory factory, Partners partners, Clock clock) {
        this.factory = factory;
        this.partners = partners;
        this.clock = clock;
    }

    public View proposal(long programmeId) {
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.read(factory, em -> proposal(em, Programmes.require(em, programmeId)).view);
    }

    /** The Director approves the proposal: each funded application is OFFERED with its cost committed; the rest stay submitted. */
    public View approve(long programmeId, Approval approval, String user) {
        partners.meetings("Approving a selection");
        FinanceReceipts.follow(factory, partners, clock);
        return Transactions.inTransaction(factory, em -> {
            Programme programme = Programmes.require(em, programmeId);
            Fields.version(approval == null ? null : approval.version(), programme.version, "Programme " + programmeId);
            Programmes.requireOpen(programme);
            Computed computed = proposal(em, programme);
            if (computed.view.funded() == 0) {
                throw DomainException.conflict("the proposal of programme " + programmeId + " funds no one: nothing to approve");
            }
            Instant now = Instant.now(clock);
            for (Line line : computed.view.lines()) {
                if (line.outcome() == Proposal.Outcome.FUNDED) {
                    Application a = computed.applications.get(line.applicationId());
                    a.committed = line.cost();
                    a.status = ApplicationStatus.OFFERED;
                    a.reason = "funded at rank " + line.rank() + " of the selection approved by " + user;
                    Awards.record(em, a, ApplicationStatus.SUBMITTED, ApplicationStatus.OFFERED, a.reason, user, now);
                }
            }
            programme.approvedAt = now;
            programme.approvedBy = user;
            em.flush();
            return proposal(em, programme).view;
        });
    }

    private record Computed(View view, Map<Long, Application> applications) {
    }

    private Computed proposal(EntityManager em, Programme programme) {
        Fund fund = em.find(Fund.class, programme.fundId);
        Funds.Balance balance = Funds.balance(em, fund);
        Scoring scoring = new Scoring(em, programme, fund.currency);
        Map<Long, Application> applications = new HashMap<>();
        List<Proposal.Candidate> candidates = new ArrayList<>();
        Map<Long, Points.Score> scores = new HashMap<>();
        for (Application a : em.createQuery("SELECT a FROM Application a WHERE a.programmeId = :p AND a.status = :submitted", Application.class)
                .setParameter("p", programme.id).setParameter("submitted", ApplicationStatus.SUBMITTED).getResultList()) {
            applications.put(a.id, a);
            Points.Score score = scoring.score(a);
            scores.put(a.id, score);
            Optional<Costs.Cost> cost = scoring.cost(a);
            candidates.add(new Proposal.Candidate(a.id, a.stateIso2, score.points(), a.submittedAt, cost.map(Costs.Cost::total).orElse(null),
                    a.adjustment));
        }
        Proposal.Result result = Proposal.propose(candidates, balance.balance(), programme.places, programme.maxPerState);
        List<Line> lines = new ArrayList<>();
        for (Proposal.Line line : result.lines()) {
            Application a = applications.get(line.id());
            Points.Score score = scores.get(a.id);
            lines.add(new Line(line.rank(), a.id, a.stateIso2, a.stateName, (a.givenName == null ? "" : a.givenName + " ") + a.familyName,
                    score.points(), score.criteria(), scoring.cost(a).map(Costs.Cost::total).orElse(null), scoring.costMissing(a), a.adjustment,
                    a.adjustmentReason, line.outcome(), line.balanceAfter(), a.version));
        }
        return new Computed(new View(programme.id, fund.currency, balance, programme.places, programme.maxPerState, lines, result.funded(),
                result.total(), result.left(), programme.approvedAt, programme.approvedBy, programme.version), applications);
    }
}
