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

/** One universalization contact with a state: what happened and what comes next. */
@Entity
@Table(name = "CONTACTS_OUTREACH")
class OutreachEntry {

    @Id
    @TableGenerator(name = "OUTREACH", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "OUTREACH", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "OUTREACH")
    Long id;

    @Column(name = "STATE_ISO2", nullable = false, length = 2)
    String stateIso2;

    @Column(name = "OCCURRED_ON", nullable = false)
    LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 40)
    OutreachKind kind;

    /** Who from the unit (or the Presidency, a coordinator) took part. */
    @Column(name = "STAFF", nullable = false, length = 200)
    String staff;

    @Column(name = "SUMMARY", nullable = false, length = 4000)
    String summary;

    @Column(name = "NEXT_STEP", length = 1000)
    String nextStep;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    int version;
}
