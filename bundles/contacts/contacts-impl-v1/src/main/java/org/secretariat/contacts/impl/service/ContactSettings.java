package org.secretariat.contacts.impl.service;

import java.util.Objects;

/**
 * The contacts module's part of the convention profile ({@code org.secretariat.profile}, the one file
 * an administrator edits): how a state's entry into force follows from its deposit. The module reads
 * and checks it itself ({@link ContactSettingsReader}); the platform does not. A service of the module
 * while the profile has given a valid rule.
 *
 * @param entryIntoForce the treaty's rule, e.g. {@code first-day-of-month-after:6} or {@code day-after:90}
 */
public record ContactSettings(EntryIntoForceRule entryIntoForce) {

    public ContactSettings {
        Objects.requireNonNull(entryIntoForce, "entryIntoForce");
    }

    /**
     * Reads the profile's value as Configuration Admin gives it.
     *
     * @throws IllegalArgumentException naming the key {@code 'entryIntoForce'} and what is wrong, fit for an administrator
     */
    public static ContactSettings read(String entryIntoForce) {
        try {
            return new ContactSettings(EntryIntoForceRule.parse(entryIntoForce));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile key 'entryIntoForce': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "entry into force " + entryIntoForce;
    }
}
