package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

/** A national focal point; {@code personName} and {@code email} (given only with the person's consent) are shown, not taken. */
public record FocalPointDto(Long id, String stateIso2, Long personId, String personName, String email, String theme, LocalDate startDate,
        LocalDate endDate) {
}
