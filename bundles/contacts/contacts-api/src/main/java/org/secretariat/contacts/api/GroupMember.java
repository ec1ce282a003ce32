package org.secretariat.contacts.api;

import java.util.Objects;

/**
 * A person in a group, with what a module sending to them needs.
 *
 * @param personId the person's id in the contacts module
 * @param name the display name (given and family name)
 * @param stateIso2 the state the person represents or comes from, or null
 * @param email the e-mail address, only where the person consented to be contacted (otherwise null)
 * @param language the person's preferred language (ISO 639-1), or null for the profile's default
 * @param consent whether the person consented to have their contact details kept and used: without it,
 *            nothing is sent to them
 * @since 1.1
 */
public record GroupMember(long personId, String name, String stateIso2, String email, String language, boolean consent) {

    public GroupMember {
        Objects.requireNonNull(name, "name");
    }
}
