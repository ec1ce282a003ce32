package org.secretariat.meetings.impl;

/** A participant's role in the delegation. */
enum ParticipantRole {
    HEAD_OF_DELEGATION,
    DELEGATE,
    ADVISER,
    OBSERVER
}
