package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.impl.domain.OutreachEntry;
import org.secretariat.contacts.impl.domain.OutreachKind;

/** One outreach entry as the API shows and takes it; {@code createdBy} is shown, not taken. */
public record OutreachDto(Long id, String stateIso2, LocalDate date, OutreachKind kind, String staff, String summary, String nextStep,
        String createdBy, Integer version) {

    static OutreachDto of(OutreachEntry entry) {
        return new OutreachDto(entry.id, entry.stateIso2, entry.occurredOn, entry.kind, entry.staff, entry.summary, entry.nextStep,
                entry.createdBy, entry.version);
    }
}
