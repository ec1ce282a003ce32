package org.secretariat.meetings.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Participants registered by another module: the sponsorship module registers a delegate whose award
 * was accepted as an approved participant of the meeting, marked sponsored.
 * <p>
 * Each registration is named by the caller's external key (e.g. {@code sponsorship:application:42}), so
 * registering again with the same key, after a retry or a lost answer, changes nothing and answers the
 * same participant. Refusals are the platform's {@code DomainException}s: an unknown meeting (not
 * found), a field at fault (invalid, naming it), a key already used for another meeting (conflict).
 *
 * @since 1.3
 */
@ProviderType
public interface MeetingRegistrations {

    /**
     * The person to register, in a delegation: a state's ({@code stateIso2}, an ISO 3166-1 alpha-2 code,
     * which the contacts module names and places when it is installed, else {@code delegation} names it)
     * or an organisation's ({@code stateIso2} null, {@code delegation} its name).
     *
     * @param familyName required
     * @param email optional; the approval e-mail goes there, in {@code language} (ISO 639-1, optional)
     * @param positionTitle the person's function, optional
     * @param role {@code HEAD_OF_DELEGATION}, {@code DELEGATE}, {@code ADVISER} or {@code OBSERVER}; null for a delegate
     * @param sponsored whether the participant's travel is sponsored (shown on the participant)
     */
    record Delegate(String stateIso2, String delegation, String givenName, String familyName, String email, String language,
            String positionTitle, String role, boolean sponsored) {
    }

    /**
     * Registers {@code delegate} as an approved participant of meeting {@code meetingId}, once per
     * {@code externalKey} (at most 100 characters): the first call registers and answers the new
     * participant's id, later calls with the key answer the same id and change nothing.
     */
    long register(long meetingId, String externalKey, Delegate delegate);

    /**
     * Withdraws the participant registered under {@code externalKey} (the award was withdrawn); true if
     * it was registered and is now withdrawn, false for a key never registered. Withdrawing again is
     * harmless.
     */
    boolean withdraw(String externalKey);
}
