package org.secretariat.contacts.impl.domain;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.secretariat.contacts.api.ContactSummary;

/** A person: delegate, focal point, expert, coordinator. Personal data: kept with consent and a retention note. */
@Entity
@Table(name = "CONTACTS_PERSON")
public class Person {

    @Id
    @TableGenerator(name = "PERSON", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PERSON", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PERSON")
    public Long id;

    @Column(name = "HONORIFIC", length = 40)
    public String honorific;

    @Column(name = "GIVEN_NAME", length = 100)
    public String givenName;

    @Column(name = "FAMILY_NAME", nullable = false, length = 100)
    public String familyName;

    @Column(name = "NAME_KEY", nullable = false, length = 210)
    public String nameKey;

    @Column(name = "EMAIL", length = 200)
    public String email;

    @Column(name = "PHONE", length = 60)
    public String phone;

    /** The state the person represents or comes from, if any. */
    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    /** The language the person prefers to be written to in (one of the profile's working languages), or null. */
    @Column(name = "LANG", length = 8)
    public String language;

    /** Whether the person agreed to have their contact details kept and used. */
    @Column(name = "CONSENT", nullable = false)
    public boolean consent;

    @Column(name = "CONSENT_DATE")
    public LocalDate consentDate;

    /** Why and until when the data are kept (e.g. "delete two years after the last meeting attended"). */
    @Column(name = "RETENTION_NOTE", length = 500)
    public String retentionNote;

    @Column(name = "NOTES", length = 2000)
    public String notes;

    @Version
    @Column(name = "VERSION")
    public int version;

    public String displayName() {
        return givenName == null || givenName.isBlank() ? familyName : givenName + " " + familyName;
    }

    /** The e-mail address, only if the person consented to be contacted. */
    public String contactEmail() {
        return consent ? email : null;
    }

    public ContactSummary summary() {
        return new ContactSummary(ContactSummary.Kind.PERSON, id, displayName(), contactEmail(), stateIso2);
    }
}
