package org.secretariat.contacts.impl.service;

import java.time.MonthDay;
import java.util.Currency;
import java.util.List;

import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;

/** The Convention on Cluster Munitions as far as the contacts module reads it: French and Spanish names, two themes, art. 17. */
record TestProfile(List<String> workingLanguages, List<String> thematicAreas) implements ConventionProfile {

    static final String VICTIM_ASSISTANCE = "Victim assistance";
    static final String CLEARANCE = "Clearance";

    TestProfile() {
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
        return "{acronym}/{meetingType}/{year}/{category}.{sequence}";
    }

    @Override
    public MonthDay fiscalYearStart() {
        return MonthDay.of(1, 1);
    }

    @Override
    public Currency currency() {
        return Currency.getInstance("CHF");
    }

    /** The first day of the sixth month after the month of deposit. */
    @Override
    public EntryIntoForceRule entryIntoForceRule() {
        return EntryIntoForceRule.of(EntryIntoForceRule.Kind.FIRST_DAY_OF_MONTH_AFTER, 6);
    }
}
