package org.secretariat.website.impl.web.meetings;

import java.time.MonthDay;
import java.util.Currency;
import java.util.List;

import org.secretariat.platform.api.ConventionProfile;

/** The platform's part of the Convention on Cluster Munitions' profile, as far as the website reads it. */
@SuppressWarnings("deprecation")
public record CcmProfile(List<String> workingLanguages) implements ConventionProfile {

    public CcmProfile() {
        this(List.of("en", "fr", "es"));
    }

    @Override
    public String name() {
        return "Convention on Cluster Munitions";
    }

    @Override
    public String acronym() {
        return "CCM";
    }

    @Override
    public List<String> thematicAreas() {
        return List.of("Victim assistance");
    }

    @Override
    public String documentSymbolPattern() {
        throw new UnsupportedOperationException("the website does not make symbols");
    }

    @Override
    public MonthDay fiscalYearStart() {
        return MonthDay.of(1, 1);
    }

    @Override
    public Currency currency() {
        return Currency.getInstance("CHF");
    }

    @Override
    public org.secretariat.platform.api.EntryIntoForceRule entryIntoForceRule() {
        throw new UnsupportedOperationException("the website does not need it");
    }
}
