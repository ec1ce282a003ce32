package org.secretariat.contacts.impl.service;

import org.secretariat.contacts.impl.domain.Organisation;
import org.secretariat.contacts.impl.domain.OrganisationType;

/** An organisation as the API shows and takes it ({@code id} is ignored when taken; {@code version} is the one read). */
public record OrganisationDto(Long id, String name, String acronym, OrganisationType type, String stateIso2, String website, String email,
        String phone, String notes, Integer version) {

    static OrganisationDto of(Organisation organisation) {
        return new OrganisationDto(organisation.id, organisation.name, organisation.acronym, organisation.type, organisation.stateIso2,
                organisation.website, organisation.email, organisation.phone, organisation.notes, organisation.version);
    }
}
