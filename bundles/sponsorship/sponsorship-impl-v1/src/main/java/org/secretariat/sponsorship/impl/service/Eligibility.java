package org.secretariat.sponsorship.impl.service;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Programme;

/**
 * The programme's eligibility rules, checked in this order at submission; the first that fails refuses
 * the application (400) with the field at fault and a message naming the rule: {@code deadline},
 * {@code eligibleStatuses}, {@code eligibleStates}, {@code earmarkRegion}.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** @param regions the programme's eligible states and their regions (empty: every state its statuses allow) */
    static void check(Programme programme, Fund fund, TreatyStatus status, String iso2, Map<String, String> regions, Instant now) {
        if (now.isAfter(programme.deadline)) {
            throw DomainException.invalid("deadline", "ineligible (rule deadline): applications closed on " + programme.deadline);
        }
        Set<TreatyStatus> statuses = Programmes.statuses(programme);
        if (!statuses.contains(status)) {
            throw DomainException.invalid("stateIso2", "ineligible (rule eligibleStatuses): " + iso2 + " is " + status + "; the programme takes "
                    + statuses);
        }
        if (!regions.isEmpty() && !regions.containsKey(iso2)) {
            throw DomainException.invalid("stateIso2", "ineligible (rule eligibleStates): " + iso2 + " is not on the programme's list of eligible states");
        }
        if (fund.earmarkRegion != null && !fund.earmarkRegion.equalsIgnoreCase(String.valueOf(regions.get(iso2)))) {
            throw DomainException.invalid("stateIso2", "ineligible (rule earmarkRegion): the fund is earmarked for " + fund.earmarkRegion + "; "
                    + iso2 + " is " + (regions.get(iso2) == null ? "of no region on the programme's list" : "in " + regions.get(iso2)));
        }
    }
}
