package org.secretariat.finance.impl.domain;

/** How an expenditure entry came: entered by hand, or imported from the host institution's ledger. */
public enum ExpenditureSource {
    MANUAL, LEDGER
}
