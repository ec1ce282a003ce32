package org.secretariat.meetings.impl.domain;

/** How a delegation is identified. */
public enum DelegationKind {
    STATE,
    ORGANISATION
}
