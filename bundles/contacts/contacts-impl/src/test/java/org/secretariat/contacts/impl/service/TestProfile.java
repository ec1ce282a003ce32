package org.secretariat.contacts.impl.service;

import java.time.MonthDay;
import java.util.Currency;
import java.util.List;

import org.secretariat.platform.api.ConventionProfile;

/**
 * The platform's part of the Convention on Cluster Munitions' profile as far as the contacts module
 * reads it: French and Spanish names, two themes. The module reads its own key (the entry-into-force
 * rule) itself ({@link ContactSettings}): the deprecated methods fail.
 */
@SuppressWarnings("deprecation")
public record TestProfile(List<String> workingLanguages, List<String> thematicAreas) implements ConventionProfile {

    public static final String VICTIM_ASSISTANCE = "Victim assistance";
    public static final String CLEARANCE = "Clearance";

    public TestProfile() {
        this(List.of("en", "fr", "es"), List.of(VICTIM_ASSISTANCE, CLEARANCE));
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
    public String documentSymbolPattern() {
        throw new UnsupportedOperationException("contacts do not need it");
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
        throw new UnsupportedOperationException("contacts read it from ContactSettings");
    }
}
