package org.secretariat.contacts.api;

/**
 * Event Admin topics the contacts module posts about people once the change is committed, so other modules
 * that keep a person's id follow.
 *
 * @since 1.1
 */
public final class PersonEvents {

    /**
     * Two records of one person were merged: {@link #PERSON_ID} is gone, its roles now belong to
     * {@link #INTO_PERSON_ID}; a module that links its records to people relinks them.
     */
    public static final String MERGED = "org/secretariat/contacts/person/MERGED";

    /** The person merged away (a {@code Long}). */
    public static final String PERSON_ID = "personId";
    /** The person kept (a {@code Long}). */
    public static final String INTO_PERSON_ID = "intoPersonId";

    private PersonEvents() {
    }
}
