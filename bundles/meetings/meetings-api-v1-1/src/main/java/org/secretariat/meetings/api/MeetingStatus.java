package org.secretariat.meetings.api;

/** Where a meeting stands. */
public enum MeetingStatus {
    PLANNED,
    CONVENED,
    CONCLUDED
}
