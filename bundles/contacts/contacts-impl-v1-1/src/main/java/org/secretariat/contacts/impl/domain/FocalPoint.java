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

/** A national focal point: the person a state named for a theme (or for the convention as a whole). */
@Entity
@Table(name = "CONTACTS_FOCAL_POINT")
public class FocalPoint {

    @Id
    @TableGenerator(name = "FOCAL_POINT", table = "CONTACTS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "FOCAL_POINT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "FOCAL_POINT")
    public Long id;

    @Column(name = "STATE_ISO2", nullable = false, length = 2)
    public String stateIso2;

    @Column(name = "PERSON_ID", nullable = false)
    public long personId;

    /** One of the profile's thematic areas, or null for the convention as a whole. */
    @Column(name = "THEME", length = 200)
    public String theme;

    @Column(name = "START_DATE")
    public LocalDate startDate;

    @Column(name = "END_DATE")
    public LocalDate endDate;

    @Version
    @Column(name = "VERSION")
    public int version;
}
