package org.secretariat.meetings.impl;

/** What a meeting adopted. */
enum DecisionKind {
    DECISION,
    RECOMMENDATION
}
