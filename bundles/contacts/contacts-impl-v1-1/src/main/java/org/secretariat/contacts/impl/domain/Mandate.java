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

/** A mandate held for a period: the Presidency (a state, represented by a person) or a thematic coordinator. */
@Entity
@Table(name = "CONTACTS_MANDATE")
public class Mandate {

    @Id
    @TableGenerator(name = "MANDATE", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MANDATE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MANDATE")
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public MandateKind kind;

    @Column(name = "THEME", length = 200)
    public String theme;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "PERSON_ID")
    public Long personId;

    @Column(name = "START_DATE", nullable = false)
    public LocalDate startDate;

    @Column(name = "END_DATE")
    public LocalDate endDate;

    @Version
    @Column(name = "VERSION")
    public int version;
}
