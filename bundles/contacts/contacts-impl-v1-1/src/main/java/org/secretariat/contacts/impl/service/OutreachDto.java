package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.impl.domain.OutreachEntry;
import org.secretariat.contacts.impl.domain.OutreachKind;

/**
 * One outreach entry as the API shows and takes it. It is with a state ({@code stateIso2}), an organisation
 * ({@code organisationId}) or a person ({@code personId}) — 1.1 adds the last two; with an organisation or a
 * person, {@code stateIso2} is the state it concerns (theirs when not given), or none. {@code organisationName},
 * {@code personName} and {@code createdBy} are shown, not taken.
 */
public record OutreachDto(Long id, String stateIso2, Long organisationId, String organisationName, Long personId, String personName,
        LocalDate date, OutreachKind kind, String staff, String summary, String nextStep, String createdBy, Integer version) {

    static OutreachDto of(OutreachEntry entry, String organisationName, String personName) {
        return new OutreachDto(entry.id, entry.stateIso2, entry.organisationId, organisationName, entry.personId, personName, entry.occurredOn,
                entry.kind, entry.staff, entry.summary, entry.nextStep, entry.createdBy, entry.version);
    }
}
