package org.secretariat.contacts.impl.service;

/** One result of a search: a state (by {@code iso2}), an organisation or a person (by {@code id}, with the state they belong to). */
public record SearchHit(String kind, Long id, String iso2, String name) {

    static final String STATE = "STATE";
    static final String ORGANISATION = "ORGANISATION";
    static final String PERSON = "PERSON";
}
