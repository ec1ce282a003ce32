package org.secretariat.contacts.api;

/** A state's status toward the convention, in protocol order (States Parties first). */
public enum TreatyStatus {
    STATE_PARTY,
    SIGNATORY,
    NOT_PARTY
}
