package org.secretariat.contacts.impl;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A person: delegate, focal point, expert, coordinator. Personal data: kept with consent and a retention note. */
@Entity
@Table(name = "CONTACTS_PERSON")
class Person {

    @Id
    @TableGenerator(name = "PERSON", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PERSON", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PERSON")
    Long id;

    @Column(name = "HONORIFIC", length = 40)
    String honorific;

    @Column(name = "GIVEN_NAME", length = 100)
    String givenName;

    @Column(name = "FAMILY_NAME", nullable = false, length = 100)
    String familyName;

    @Column(name = "NAME_KEY", nullable = false, length = 210)
    String nameKey;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "PHONE", length = 60)
    String phone;

    /** The state the person represents or comes from, if any. */
    @Column(name = "STATE_ISO2", length = 2)
    String stateIso2;

    /** Whether the person agreed to have their contact details kept and used. */
    @Column(name = "CONSENT", nullable = false)
    boolean consent;

    @Column(name = "CONSENT_DATE")
    LocalDate consentDate;

    /** Why and until when the data are kept (e.g. "delete two years after the last meeting attended"). */
    @Column(name = "RETENTION_NOTE", length = 500)
    String retentionNote;

    @Column(name = "NOTES", length = 2000)
    String notes;

    @Version
    @Column(name = "VERSION")
    int version;

    String displayName() {
        return givenName == null || givenName.isBlank() ? familyName : givenName + " " + familyName;
    }
}
