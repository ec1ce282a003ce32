package org.secretariat.contacts.impl.domain;

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

/**
 * One universalization contact with a state, an organisation or a person: what happened and what comes
 * next. An entry with an organisation or a person also names the state it concerns when there is one, so
 * the state's log shows it (contacts 1.0.0 lists the log by state only).
 */
@Entity
@Table(name = "CONTACTS_OUTREACH")
public class OutreachEntry {

    @Id
    @TableGenerator(name = "OUTREACH", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "OUTREACH", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OUTREACH")
    public Long id;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "ORGANISATION_ID")
    public Long organisationId;

    @Column(name = "PERSON_ID")
    public Long personId;

    @Column(name = "OCCURRED_ON", nullable = false)
    public LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 40)
    public OutreachKind kind;

    /** Who from the unit (or the Presidency, a coordinator) took part. */
    @Column(name = "STAFF", nullable = false, length = 200)
    public String staff;

    @Column(name = "SUMMARY", nullable = false, length = 4000)
    public String summary;

    @Column(name = "NEXT_STEP", length = 1000)
    public String nextStep;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Version
    @Column(name = "VERSION")
    public int version;
}
