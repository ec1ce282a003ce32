package org.secretariat.meetings.impl;

/** How a delegation is identified. */
enum DelegationKind {
    STATE,
    ORGANISATION
}
