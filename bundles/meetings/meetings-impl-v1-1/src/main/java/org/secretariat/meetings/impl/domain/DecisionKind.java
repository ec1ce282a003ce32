package org.secretariat.meetings.impl.domain;

/** What a meeting adopted. */
public enum DecisionKind {
    DECISION,
    RECOMMENDATION
}
