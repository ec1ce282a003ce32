package org.secretariat.finance.impl.domain;

/** A budget revision's way: drafted, proposed to the Director, approved by the Director. */
public enum BudgetStatus {
    DRAFT, PROPOSED, APPROVED
}
