package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.List;

import org.secretariat.contacts.impl.domain.Person;

/**
 * A person as the API shows and takes it. {@code id}, {@code name} and {@code positions} are shown
 * only (positions are added and removed on their own); {@code version} is the one read. {@code language}
 * (1.1) is the working language the person prefers to be written to in, or null for the profile's default.
 */
public record PersonDto(Long id, String honorific, String givenName, String familyName, String name, String email, String phone,
        String stateIso2, String language, Boolean consent, LocalDate consentDate, String retentionNote, String notes,
        List<PositionDto> positions, Integer version) {

    static PersonDto of(Person person, List<PositionDto> positions) {
        return new PersonDto(person.id, person.honorific, person.givenName, person.familyName, person.displayName(), person.email,
                person.phone, person.stateIso2, person.language, person.consent, person.consentDate, person.retentionNote, person.notes,
                positions, person.version);
    }
}
