package org.secretariat.sponsorship.impl.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.secretariat.sponsorship.impl.domain.Application;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Gender;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * Points and costs of a programme's applications, from its data in one transaction: the previous
 * meeting of the type (whose accepted awards decide "not sponsored before"), everyone sponsored at any
 * earlier meeting ("first participation"), the DSA rate of the venue city on the first day.
 */
final class Scoring {

    private final Programme programme;
    private final Points.Weights weights;
    private final Set<String> sponsoredAtPrevious;
    private final Set<String> sponsoredBefore;
    private final Optional<DsaRates.View> rate;
    private final String currency;

    Scoring(EntityManager em, Programme programme, String currency) {
        this.programme = programme;
        this.weights = Programmes.weights(programme);
        this.currency = currency;
        this.rate = DsaRates.rate(em, programme.meetingCity, programme.meetingStart);
        List<Programme> previous = em.createQuery("SELECT p FROM Programme p WHERE p.meetingType = :type AND p.meetingStart < :start"
                + " ORDER BY p.meetingStart DESC", Programme.class).setParameter("type", programme.meetingType)
                .setParameter("start", programme.meetingStart).setMaxResults(1).getResultList();
        this.sponsoredAtPrevious = new HashSet<>();
        if (!previous.isEmpty()) {
            accepted(em, "SELECT a FROM Application a WHERE a.programmeId = :p", previous.get(0).id).forEach(a -> sponsoredAtPrevious.add(a.stateIso2));
        }
        this.sponsoredBefore = new HashSet<>();
        List<Long> earlier = em.createQuery("SELECT p.id FROM Programme p WHERE p.meetingStart < :start", Long.class)
                .setParameter("start", programme.meetingStart).getResultList();
        for (Long id : earlier) {
            accepted(em, "SELECT a FROM Application a WHERE a.programmeId = :p", id).forEach(a -> sponsoredBefore.add(person(a)));
        }
    }

    private static List<Application> accepted(EntityManager em, String query, long programmeId) {
        return em.createQuery(query, Application.class).setParameter("p", programmeId).getResultList().stream()
                .filter(a -> a.status == ApplicationStatus.ACCEPTED).toList();
    }

    /** Who a nominee is across programmes: the contacts person, else the e-mail address, else the name and state. */
    static String person(Application a) {
        if (a.personId != null) {
            return "person:" + a.personId;
        }
        if (a.email != null) {
            return "email:" + a.email.toLowerCase(Locale.ROOT);
        }
        return "name:" + Funds.key((a.givenName == null ? "" : a.givenName + " ") + a.familyName) + "/" + a.stateIso2;
    }

    Points.Score score(Application a) {
        return Points.score(weights, new Points.Facts("STATE_PARTY".equals(a.treatyStatus), a.mandateHolder,
                !sponsoredAtPrevious.contains(a.stateIso2), a.gender != null && a.gender != Gender.MALE, !sponsoredBefore.contains(person(a))));
    }

    /** The application's cost in the fund's currency; empty while its fare, or the venue city's DSA rate (in that currency), is unknown. */
    Optional<Costs.Cost> cost(Application a) {
        if (a.fare == null || rate.isEmpty() || !rate.get().currency().equals(currency)) {
            return Optional.empty();
        }
        return Optional.of(Costs.cost(Money.stored(a.fare, currency), rate.get().rate(),
                Costs.nights(programme.meetingStart, programme.meetingEnd), Money.stored(programme.terminalExpenses, currency)));
    }

    /** Why the cost is unknown, for a person to fix; null when it is known. */
    String costMissing(Application a) {
        if (a.fare == null) {
            return "no fare quoted";
        }
        if (rate.isEmpty()) {
            return "no DSA rate for " + programme.meetingCity + " on " + programme.meetingStart;
        }
        if (!rate.get().currency().equals(currency)) {
            return "the DSA rate of " + programme.meetingCity + " is in " + rate.get().currency() + ", the fund in " + currency;
        }
        return null;
    }

}
