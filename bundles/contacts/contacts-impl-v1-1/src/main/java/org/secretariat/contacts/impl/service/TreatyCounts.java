package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

/** How many states have each status, and for how many States Parties the convention is in force on {@code asOf}. */
public record TreatyCounts(int stateParties, long inForce, int signatories, int notParty, LocalDate asOf) {
}
