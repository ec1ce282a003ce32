package org.secretariat.finance.impl.domain;

/** Where a work-plan activity stands. */
public enum ActivityStatus {
    PLANNED, ONGOING, DONE, CANCELLED
}
