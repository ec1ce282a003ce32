package org.secretariat.sponsorship.impl.service;

import java.util.ArrayList;
import java.util.List;

/**
 * An application's priority points: the programme's weight for each criterion it meets. The weights are
 * the programme's configuration; the facts come from the application, the contacts module and the
 * programme's earlier meetings.
 */
public final class Points {

    /** The programme's weight of each criterion. */
    public record Weights(int stateParty, int mandate, int notSponsoredBefore, int genderBalance, int firstParticipation) {
    }

    /**
     * What is true of an application: the state is a State Party; the nominee holds a coordinator or
     * presidency mandate; the state had no sponsored delegate at the previous meeting of the type; the
     * nominee is not a man (women are under-represented in these delegations: the points balance them);
     * the nominee never took part with sponsorship before.
     */
    public record Facts(boolean stateParty, boolean mandateHolder, boolean notSponsoredBefore, boolean genderBalance, boolean firstParticipation) {
    }

    /** The points and the criteria that gave them, by name. */
    public record Score(int points, List<String> criteria) {
    }

    private Points() {
    }

    public static Score score(Weights weights, Facts facts) {
        int points = 0;
        List<String> criteria = new ArrayList<>();
        if (facts.stateParty()) {
            points += weights.stateParty();
            criteria.add("stateParty");
        }
        if (facts.mandateHolder()) {
            points += weights.mandate();
            criteria.add("mandate");
        }
        if (facts.notSponsoredBefore()) {
            points += weights.notSponsoredBefore();
            criteria.add("notSponsoredBefore");
        }
        if (facts.genderBalance()) {
            points += weights.genderBalance();
            criteria.add("genderBalance");
        }
        if (facts.firstParticipation()) {
            points += weights.firstParticipation();
            criteria.add("firstParticipation");
        }
        return new Score(points, List.copyOf(criteria));
    }
}
