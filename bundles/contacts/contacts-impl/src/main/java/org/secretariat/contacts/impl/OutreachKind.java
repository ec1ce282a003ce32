package org.secretariat.contacts.impl;

/** How the unit was in touch with a state. */
enum OutreachKind {
    MEETING,
    LETTER,
    EMAIL,
    CALL,
    VISIT,
    EVENT,
    OTHER
}
