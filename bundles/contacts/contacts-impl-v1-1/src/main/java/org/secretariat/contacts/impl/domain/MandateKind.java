package org.secretariat.contacts.impl.domain;

/** Mandates held by period under the convention. */
public enum MandateKind {
    PRESIDENCY,
    COORDINATOR
}
