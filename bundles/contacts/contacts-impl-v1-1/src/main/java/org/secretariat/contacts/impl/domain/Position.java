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

/** A position a person holds in an organisation or in a state's delegation, for a period. */
@Entity
@Table(name = "CONTACTS_POSITION")
public class Position {

    @Id
    @TableGenerator(name = "POSITION", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "POSITION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "POSITION")
    public Long id;

    @Column(name = "PERSON_ID", nullable = false)
    public long personId;

    @Column(name = "ORGANISATION_ID")
    public Long organisationId;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "TITLE", nullable = false, length = 200)
    public String title;

    @Column(name = "START_DATE")
    public LocalDate startDate;

    @Column(name = "END_DATE")
    public LocalDate endDate;

    @Version
    @Column(name = "VERSION")
    public int version;
}
