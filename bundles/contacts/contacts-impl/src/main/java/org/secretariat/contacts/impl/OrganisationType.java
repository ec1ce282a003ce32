package org.secretariat.contacts.impl;

/** Kinds of organisation the unit deals with. */
enum OrganisationType {
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
