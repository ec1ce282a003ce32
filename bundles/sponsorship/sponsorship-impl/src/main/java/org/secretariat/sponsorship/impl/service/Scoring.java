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
 * meeting of the type (whose accepted awards decide "not sponsored at the previous meeting"), everyone
 * sponsored at any earlier meeting ("first participation"; an erased application no longer tells who),
 * the DSA rate of the venue city on the first day.
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
        List<Long> previous = em.createQuery("SELECT p.id FROM Programme p WHERE p.meetingType = :type AND p.meetingStart < :start"
                + " ORDER BY p.meetingStart DESC, p.id DESC", Long.class).setParameter("type", programme.meetingType)
                .setParameter("start", programme.meetingStart).setMaxResults(1).getResultList();
        Long previousId = previous.isEmpty() ? null : previous.get(0);
        this.sponsoredAtPrevious = new HashSet<>();
        this.sponsoredBefore = new HashSet<>();
        // One query for every earlier programme's accepted awards, only the columns that tell who and
        // where (an erased one names no one any more): not the programmes one by one, not whole rows.
        for (Object[] row : em.createQuery("SELECT a.programmeId, a.stateIso2, a.personId, a.email, a.givenName, a.familyName"
                + " FROM Application a, Programme p WHERE a.programmeId = p.id AND p.meetingStart < :start AND a.status = :accepted"
                + " AND a.erasedOn IS NULL", Object[].class).setParameter("start", programme.meetingStart)
                .setParameter("accepted", ApplicationStatus.ACCEPTED).getResultList()) {
            String state = (String) row[1];
            if (previousId != null && previousId.equals(row[0])) {
                sponsoredAtPrevious.add(state);
            }
            sponsoredBefore.add(person((Long) row[2], (String) row[3], (String) row[4], (String) row[5], state));
        }
    }

    /** Who a nominee is across programmes: the contacts person, else the e-mail address, else the name and state. */
    static String person(Application a) {
        return person(a.personId, a.email, a.givenName, a.familyName, a.stateIso2);
    }

    private static String person(Long personId, String email, String givenName, String familyName, String stateIso2) {
        if (personId != null) {
            return "person:" + personId;
        }
        if (email != null) {
            return "email:" + email.toLowerCase(Locale.ROOT);
        }
        return "name:" + Funds.key((givenName == null ? "" : givenName + " ") + familyName) + "/" + stateIso2;
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
