package org.secretariat.meetings.impl.service;

import java.time.LocalDate;

import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.platform.api.domain.DomainException;

/** A participant's credentials as a registration sends them (1.2's kinds beside 1.1's flag), applied to the participant. */
final class Credentials {

    private Credentials() {
    }

    /**
     * The credentials as sent. A kind means received (on the day sent, else today when the kind is new);
     * {@code credentialsReceived: true} without a kind keeps a kind known already (a client of 1.1 sends
     * no kind) and otherwise records received with the kind unknown; neither clears them.
     */
    static void apply(Participants.Registration body, Participant participant, LocalDate today) {
        CredentialsKind kind = body.credentialsKind();
        if (kind != null && Boolean.FALSE.equals(body.credentialsReceived())) {
            throw DomainException.invalid("credentialsReceived", "credentialsReceived is false while credentialsKind is " + kind
                    + ": send true, or no credentialsKind to clear the credentials");
        }
        if (kind == null && !Boolean.TRUE.equals(body.credentialsReceived())) {
            participant.credentialsReceived = false;
            participant.credentialsKind = null;
            participant.credentialsReceivedOn = null;
            return;
        }
        LocalDate on = body.credentialsReceivedOn();
        if (on != null && on.isAfter(today)) {
            throw DomainException.invalid("credentialsReceivedOn", "credentialsReceivedOn is in the future");
        }
        boolean before = participant.credentialsReceived;
        boolean changedKind = kind != null && kind != participant.credentialsKind;
        participant.credentialsReceived = true;
        if (kind != null) {
            participant.credentialsKind = kind;
        } else if (!before) {
            participant.credentialsKind = null;
        }
        if (on != null) {
            participant.credentialsReceivedOn = on;
        } else if (!before || changedKind || participant.credentialsReceivedOn == null && kind != null) {
            participant.credentialsReceivedOn = today;
        }
    }
}
