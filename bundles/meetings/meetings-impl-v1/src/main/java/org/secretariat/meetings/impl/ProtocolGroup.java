package org.secretariat.meetings.impl;

/** Groups of the list of participants, in protocol order. */
enum ProtocolGroup {
    STATE_PARTY,
    SIGNATORY,
    OBSERVER_STATE,
    ORGANISATION
}
