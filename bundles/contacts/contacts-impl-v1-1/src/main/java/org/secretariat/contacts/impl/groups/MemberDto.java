package org.secretariat.contacts.impl.groups;

import org.secretariat.contacts.api.GroupMember;
import org.secretariat.contacts.impl.domain.Person;

/**
 * A member of a group as the API shows it: {@code email} only where the person consented to be contacted,
 * {@code language} the one they prefer (null: the profile's default).
 */
public record MemberDto(long personId, String name, String stateIso2, String email, String language, boolean consent) {

    static MemberDto of(Person person) {
        return new MemberDto(person.id, person.displayName(), person.stateIso2, person.contactEmail(), person.language, person.consent);
    }

    GroupMember member() {
        return new GroupMember(personId, name, stateIso2, email, language, consent);
    }
}
