package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.impl.domain.Position;

/** A position held by a person: in an organisation, or in a state's delegation. */
public record PositionDto(Long id, Long organisationId, String organisationName, String stateIso2, String title, LocalDate startDate,
        LocalDate endDate) {

    static PositionDto of(Position position, String organisationName) {
        return new PositionDto(position.id, position.organisationId, organisationName, position.stateIso2, position.title,
                position.startDate, position.endDate);
    }
}
