package org.secretariat.contacts.impl;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;

/** A state of ISO 3166-1 and its current status toward the convention. */
@Entity
@Table(name = "CONTACTS_STATE")
class StateRecord {

    @Id
    @Column(name = "ISO2", length = 2)
    String iso2;

    @Column(name = "ISO3", length = 3)
    String iso3;

    /** The English name, normalised for search and ordering. */
    @Column(name = "NAME_KEY", nullable = false, length = 200)
    String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    TreatyStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "INSTRUMENT", length = 20)
    Instrument instrument;

    @Column(name = "SIGNATURE_DATE")
    LocalDate signatureDate;

    @Column(name = "DEPOSIT_DATE")
    LocalDate depositDate;

    @Column(name = "UPDATED_AT")
    Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    int version;
}
