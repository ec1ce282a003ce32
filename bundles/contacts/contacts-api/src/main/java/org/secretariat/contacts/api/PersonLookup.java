package org.secretariat.contacts.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Finding the person of the contacts module another module's record is about: the meetings module links a
 * participant to the person with their e-mail address, and proposes the people who look like them. Provided
 * by the contacts module; use it through an optional reference.
 *
 * @since 1.1
 */
@ProviderType
public interface PersonLookup {

    /** Why a person is proposed. */
    enum Reason {
        /** The same e-mail address, ignoring case. */
        EMAIL,
        /** The same name once accents, case and the order of its words are set aside, and the same State. */
        NAME_AND_STATE
    }

    /** The person whose e-mail address is this one (ignoring case and surrounding spaces), if exactly one has it. */
    Optional<ContactSummary> personByEmail(String email);

    /**
     * The people who may be the one described, the e-mail matches first, then by name; at most 20. A null or
     * blank value takes no part; the name matches only within the State given.
     */
    List<Candidate> candidates(String name, String email, String stateIso2);

    /**
     * A person proposed, with why.
     *
     * @param person the person
     * @param reasons why they are proposed, the e-mail first
     */
    record Candidate(ContactSummary person, List<Reason> reasons) {

        public Candidate {
            Objects.requireNonNull(person, "person");
            reasons = List.copyOf(reasons);
        }
    }
}
