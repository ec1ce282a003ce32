package org.secretariat.meetings.impl;

/** Where a follow-up action stands. */
enum ActionStatus {
    OPEN,
    DONE,
    CANCELLED
}
