package org.secretariat.contacts.impl.domain;

/** How a group's members are known. */
public enum GroupKind {
    /** A list of people staff add and remove. */
    STATIC,
    /** A saved query over people and their roles, evaluated whenever the members are asked for. */
    QUERY
}
