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

/** A position a person holds in an organisation or in a state's delegation, for a period. */
@Entity
@Table(name = "CONTACTS_POSITION")
class Position {

    @Id
    @TableGenerator(name = "POSITION", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "POSITION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "POSITION")
    Long id;

    @Column(name = "PERSON_ID", nullable = false)
    long personId;

    @Column(name = "ORGANISATION_ID")
    Long organisationId;

    @Column(name = "STATE_ISO2", length = 2)
    String stateIso2;

    @Column(name = "TITLE", nullable = false, length = 200)
    String title;

    @Column(name = "START_DATE")
    LocalDate startDate;

    @Column(name = "END_DATE")
    LocalDate endDate;

    @Version
    @Column(name = "VERSION")
    int version;
}
