package org.secretariat.contacts.impl.domain;

/** How the unit was in touch with a state. */
public enum OutreachKind {
    MEETING,
    LETTER,
    EMAIL,
    CALL,
    VISIT,
    EVENT,
    OTHER
}
