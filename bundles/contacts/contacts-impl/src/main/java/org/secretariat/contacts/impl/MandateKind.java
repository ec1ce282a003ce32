package org.secretariat.contacts.impl;

/** Mandates held by period under the convention. */
enum MandateKind {
    PRESIDENCY,
    COORDINATOR
}
