package org.secretariat.meetings.impl.domain;

/** Where a follow-up action stands. */
public enum ActionStatus {
    OPEN,
    DONE,
    CANCELLED
}
