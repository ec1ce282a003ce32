package org.secretariat.expertise.impl.domain;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A period in which an expert said they are available, both days included. */
@Entity
@Table(name = "EXPERTISE_AVAILABILITY")
public class Availability {

    @Id
    @TableGenerator(name = "AVAILABILITY", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "AVAILABILITY", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "AVAILABILITY")
    @Column(name = "ID")
    public Long id;

    @Column(name = "EXPERT_ID", nullable = false)
    public long expertId;

    @Column(name = "FROM_DATE", nullable = false)
    public LocalDate from;

    @Column(name = "TO_DATE", nullable = false)
    public LocalDate to;
}
