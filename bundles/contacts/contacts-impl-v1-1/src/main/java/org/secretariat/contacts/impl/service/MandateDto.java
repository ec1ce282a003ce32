package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.impl.domain.MandateKind;

/** A mandate as the API shows and takes it; {@code stateName} and {@code personName} are shown, not taken. */
public record MandateDto(Long id, MandateKind kind, String theme, String stateIso2, String stateName, Long personId, String personName,
        LocalDate startDate, LocalDate endDate, Integer version) {
}
