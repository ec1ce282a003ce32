package org.secretariat.meetings.impl.domain;

/** Groups of the list of participants, in protocol order. */
public enum ProtocolGroup {
    STATE_PARTY,
    SIGNATORY,
    OBSERVER_STATE,
    ORGANISATION
}
