package org.secretariat.sponsorship.impl.domain;

/** Staff's adjustment of the proposal: an application always funded first (while the balance covers it), or never. */
public enum Adjustment {
    INCLUDE,
    EXCLUDE
}
