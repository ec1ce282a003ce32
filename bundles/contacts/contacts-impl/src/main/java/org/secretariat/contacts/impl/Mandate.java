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

/** A mandate held for a period: the Presidency (a state, represented by a person) or a thematic coordinator. */
@Entity
@Table(name = "CONTACTS_MANDATE")
class Mandate {

    @Id
    @TableGenerator(name = "MANDATE", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MANDATE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MANDATE")
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    MandateKind kind;

    @Column(name = "THEME", length = 200)
    String theme;

    @Column(name = "STATE_ISO2", length = 2)
    String stateIso2;

    @Column(name = "PERSON_ID")
    Long personId;

    @Column(name = "START_DATE", nullable = false)
    LocalDate startDate;

    @Column(name = "END_DATE")
    LocalDate endDate;

    @Version
    @Column(name = "VERSION")
    int version;
}
