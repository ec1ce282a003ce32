package org.secretariat.contacts.impl.domain;

/** Kinds of organisation the unit deals with. */
public enum OrganisationType {
    UN_BODY,
    INTERNATIONAL_ORGANISATION,
    NGO,
    HOST_INSTITUTION,
    DONOR,
    GOVERNMENT_MINISTRY,
    PERMANENT_MISSION,
    ACADEMIC,
    OTHER
}
