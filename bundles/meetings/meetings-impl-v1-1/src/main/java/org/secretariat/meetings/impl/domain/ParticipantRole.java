package org.secretariat.meetings.impl.domain;

/** A participant's role in the delegation. */
public enum ParticipantRole {
    HEAD_OF_DELEGATION,
    DELEGATE,
    ADVISER,
    OBSERVER
}
