package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The contacts module's part of the convention profile ({@code org.secretariat.profile}, the one file
 * an administrator edits): how a state's entry into force follows from its deposit. The module reads
 * and checks it itself ({@link ContactSettingsReader}); the platform does not. A service of the module
 * while the profile has given a valid rule.
 *
 * @param entryIntoForce the treaty's rule, e.g. {@code first-day-of-month-after:6} or {@code day-after:90}
 * @param conventionEntryIntoForce the day the convention itself entered into force ({@code conventionEntryIntoForce}),
 *            or null where the profile does not give it: a state that deposited before the threshold of
 *            instruments was reached is bound from that day, not from the rule applied to its own deposit
 */
public record ContactSettings(EntryIntoForceRule entryIntoForce, LocalDate conventionEntryIntoForce) {

    public ContactSettings {
        Objects.requireNonNull(entryIntoForce, "entryIntoForce");
    }

    /** A State Party's entry into force: the rule applied to its deposit, never before the convention's own. */
    public LocalDate stateEntryIntoForce(LocalDate deposit) {
        LocalDate byRule = entryIntoForce.entryIntoForce(deposit);
        return conventionEntryIntoForce != null && byRule.isBefore(conventionEntryIntoForce) ? conventionEntryIntoForce : byRule;
    }

    /** The rule alone, for a profile that gives no date for the convention. */
    public static ContactSettings read(String entryIntoForce) {
        return read(entryIntoForce, "");
    }

    /**
     * Reads the profile's value as Configuration Admin gives it.
     *
     * @throws IllegalArgumentException naming the key ({@code 'entryIntoForce'} or {@code 'conventionEntryIntoForce'})
     *             and what is wrong, fit for an administrator
     */
    public static ContactSettings read(String entryIntoForce, String conventionEntryIntoForce) {
        EntryIntoForceRule rule;
        try {
            rule = EntryIntoForceRule.parse(entryIntoForce);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile key 'entryIntoForce': " + e.getMessage(), e);
        }
        if (conventionEntryIntoForce == null || conventionEntryIntoForce.isBlank()) {
            return new ContactSettings(rule, null);
        }
        try {
            return new ContactSettings(rule, LocalDate.parse(conventionEntryIntoForce.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("profile key 'conventionEntryIntoForce': '" + conventionEntryIntoForce
                    + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    @Override
    public String toString() {
        return "entry into force " + entryIntoForce + (conventionEntryIntoForce == null ? "" : ", not before " + conventionEntryIntoForce);
    }
}
