package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingRegistrations;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Adjustment;
import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.AttendanceKind;
import org.secretariat.sponsorship.impl.domain.Decision;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * What staff decide on an application once it is submitted: the workflow's decisions with a reason each
 * time (an accepted award registers the person as an approved, sponsored participant of the meeting,
 * through the meetings module), the adjustments of the proposal, and attendance after the meeting, which
 * turns what was committed into what was spent. Every decision is timed by the injected clock.
 */
@Component(service = Awards.class)
public class Awards {

    /** A decision: the status to move to and why (required). */
    public record DecisionInput(ApplicationStatus status, String reason, Integer version) {
    }

    public record DecisionView(ApplicationStatus fromStatus, ApplicationStatus toStatus, String reason, String decidedBy, Instant decidedAt) {
    }

    /** Staff's adjustment of the proposal: INCLUDE, EXCLUDE, or null to clear it; a reason for either. */
    public record AdjustmentInput(Adjustment adjustment, String reason, Integer version) {
    }

    public record AttendanceInput(AttendanceKind attendance, Integer nightsAttended, Integer version) {
    }

    private final EntityManagerFactory factory;
    private final Partners partners;
    private final Clock clock;

    @Activate
    public Awards(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Partners partners) {
        this(factory, partners, Clock.systemUTC());
    }

    Awards(EntityManagerFactory factory, Partners partners, Clock clock) {
        this.factory = factory;
        this.partners = partners;
        this.clock = clock;
    }

    public List<DecisionView> decisions(long programmeId, long id) {
        return Transactions.read(factory, em -> {
            Applications.require(em, programmeId, id);
            return em.createQuery("SELECT d FROM Decision d WHERE d.applicationId = :a ORDER BY d.decidedAt, d.id", Decision.class)
                    .setParameter("a", id).getResultList().stream()
                    .map(d -> new DecisionView(d.fromStatus, d.toStatus, d.reason, d.decidedBy, d.decidedAt)).collect(Collectors.toList());
        });
    }

    /**
     * A decision of staff along the workflow, with its reason. Accepting registers the nominee as an
     * approved, sponsored participant of the meeting (409 without the meetings module); declining,
     * withdrawing or rejecting an offered or accepted award releases what was committed, and withdrawing
     * an accepted one withdraws the participant.
     */
    public Applications.View decide(long programmeId, long id, DecisionInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("status", "a JSON body is required");
        }
        ApplicationStatus to = Fields.present("status", input.status(), "the new status");
        String reason = Fields.required("reason", input.reason(), 500);
        MeetingRegistrations registrations = to == ApplicationStatus.ACCEPTED ? partners.registrations("Accepting an award") : null;
        return Transactions.inTransaction(factory, em -> {
            Application a = Applications.require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Applications.requireNotErased(a);
            ApplicationStatus from = a.status;
            if (to == ApplicationStatus.OFFERED) {
                throw DomainException.invalid("status", "an application is OFFERED by the Director's approval of the selection, not by a decision");
            }
            if (!from.next().contains(to)) {
                throw DomainException.invalid("status", "an application that is " + from + " can become " + from.next() + ", not " + to);
            }
            Programme programme = Programmes.require(em, programmeId);
            if (to == ApplicationStatus.ACCEPTED) {
                a.participantId = registrations.register(programme.meetingId, key(a), new MeetingRegistrations.Delegate(a.stateIso2, a.stateName,
                        a.givenName, a.familyName, a.email, a.language, null, null, true));
            }
            if (from == ApplicationStatus.ACCEPTED && to == ApplicationStatus.WITHDRAWN) {
                if (a.attendance != null) {
                    throw DomainException.conflict("attendance of application " + id + " is recorded: it is no longer withdrawn");
                }
                partners.registrations("Withdrawing an accepted award").withdraw(key(a));
            }
            if (to == ApplicationStatus.DECLINED || to == ApplicationStatus.WITHDRAWN || to == ApplicationStatus.REJECTED) {
                a.committed = null;
            }
            a.status = to;
            a.reason = reason;
            record(em, a, from, to, reason, user, Instant.now(clock));
            em.flush();
            return Applications.view(em, a);
        });
    }

    /** The key the meetings module registers the participant under: one participant per application, however often it is asked. */
    static String key(Application a) {
        return "sponsorship:application:" + a.id;
    }

    /** Staff include an application in the proposal ahead of the ranking, or exclude it, with a reason; before the approval. */
    public Applications.View adjust(long programmeId, long id, AdjustmentInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("adjustment", "a JSON body is required");
        }
        String reason = input.adjustment() == null ? null : Fields.required("reason", input.reason(), 500);
        return Transactions.inTransaction(factory, em -> {
            Application a = Applications.require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Programmes.requireOpen(Programmes.require(em, programmeId));
            a.adjustment = input.adjustment();
            a.adjustmentReason = reason;
            em.flush();
            return Applications.view(em, a);
        });
    }

    /**
     * Attendance after the meeting, for an accepted award: what was committed becomes spent. Attended:
     * the whole cost. Partly: the fare, the terminal expenses and the DSA of the nights attended. No-show:
     * the fare only (the ticket was bought); the DSA and the terminal expenses, paid on arrival, go back
     * to the fund. Recorded again, it is corrected.
     */
    public Applications.View attendance(long programmeId, long id, AttendanceInput input, String user) {
        if (input == null) {
            throw DomainException.invalid("attendance", "a JSON body is required");
        }
        AttendanceKind kind = Fields.present("attendance", input.attendance(), "ATTENDED, PARTLY or NO_SHOW");
        return Transactions.inTransaction(factory, em -> {
            Application a = Applications.require(em, programmeId, id);
            Fields.version(input.version(), a.version, "Application " + id);
            Programme programme = Programmes.require(em, programmeId);
            if (a.status != ApplicationStatus.ACCEPTED) {
                throw DomainException.conflict("application " + id + " is " + a.status + ": attendance is recorded for an accepted award");
            }
            if (!LocalDate.now(clock).isAfter(programme.meetingStart.minusDays(1))) {
                throw DomainException.conflict("the meeting begins on " + programme.meetingStart + ": attendance is recorded once it has begun");
            }
            Scoring scoring = new Scoring(em, programme, Applications.currency(em, programme));
            Costs.Cost cost = scoring.cost(a)
                    .orElseThrow(() -> DomainException.conflict("the cost of application " + id + " is unknown: " + scoring.costMissing(a)));
            Integer nights = null;
            BigDecimal spent;
            switch (kind) {
                case ATTENDED:
                    spent = cost.total();
                    break;
                case PARTLY:
                    nights = Fields.present("nightsAttended", input.nightsAttended(), "the nights the delegate stayed");
                    if (nights < 0 || nights > cost.nights()) {
                        throw DomainException.invalid("nightsAttended", "nightsAttended is from 0 to " + cost.nights());
                    }
                    spent = cost.fare().add(cost.terminalExpenses()).add(cost.dsaRate().multiply(BigDecimal.valueOf(nights)));
                    break;
                default:
                    spent = cost.fare();
            }
            a.attendance = kind;
            a.nightsAttended = nights;
            a.spent = spent;
            a.committed = null;
            em.flush();
            return Applications.view(em, a);
        });
    }

    /** Keeps a decision with its reason, who took it and when. */
    static void record(EntityManager em, Application a, ApplicationStatus from, ApplicationStatus to, String reason, String user, Instant at) {
        Decision decision = new Decision();
        decision.applicationId = a.id;
        decision.fromStatus = from;
        decision.toStatus = to;
        decision.reason = reason;
        decision.decidedBy = user;
        decision.decidedAt = at;
        em.persist(decision);
    }
}
