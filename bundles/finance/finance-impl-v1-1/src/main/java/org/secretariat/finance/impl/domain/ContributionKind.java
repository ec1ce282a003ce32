package org.secretariat.finance.impl.domain;

/** Assessed by a saved assessment; voluntary; or voluntary and earmarked for a purpose. */
public enum ContributionKind {
    ASSESSED, VOLUNTARY, EARMARKED
}
