package org.secretariat.contacts.impl.domain;

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
public class StateRecord {

    @Id
    @Column(name = "ISO2", length = 2)
    public String iso2;

    @Column(name = "ISO3", length = 3)
    public String iso3;

    /** The English name, normalised for search and ordering. */
    @Column(name = "NAME_KEY", nullable = false, length = 200)
    public String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public TreatyStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "INSTRUMENT", length = 20)
    public Instrument instrument;

    @Column(name = "SIGNATURE_DATE")
    public LocalDate signatureDate;

    @Column(name = "DEPOSIT_DATE")
    public LocalDate depositDate;

    @Column(name = "UPDATED_AT")
    public Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    public int version;

    public Participation participation() {
        return new Participation(status, instrument, signatureDate, depositDate);
    }

    /** Moves the state to {@code next} and answers the change to keep in its history. */
    public StatusChange moveTo(Participation next, Instant at, String actor, String source) {
        StatusChange change = new StatusChange();
        change.iso2 = iso2;
        change.changedAt = at;
        change.changedBy = actor;
        change.source = source;
        change.oldStatus = status;
        change.newStatus = next.status();
        change.instrument = next.instrument();
        change.signatureDate = next.signatureDate();
        change.depositDate = next.depositDate();
        status = next.status();
        instrument = next.instrument();
        signatureDate = next.signatureDate();
        depositDate = next.depositDate();
        updatedAt = at;
        return change;
    }
}
