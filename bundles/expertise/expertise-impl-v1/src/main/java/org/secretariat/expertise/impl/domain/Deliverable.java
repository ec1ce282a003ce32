package org.secretariat.expertise.impl.domain;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** What a contract is to deliver, by a day; accepted by a member of staff on a day. */
@Entity
@Table(name = "EXPERTISE_DELIVERABLE")
public class Deliverable {

    @Id
    @TableGenerator(name = "DELIVERABLE", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "DELIVERABLE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DELIVERABLE")
    @Column(name = "ID")
    public Long id;

    @Column(name = "CONTRACT_ID", nullable = false)
    public long contractId;

    @Column(name = "POSITION", nullable = false)
    public int position;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "DUE_DATE", nullable = false)
    public LocalDate dueDate;

    @Column(name = "ACCEPTED_ON")
    public LocalDate acceptedOn;

    @Column(name = "ACCEPTED_BY", length = 100)
    public String acceptedBy;
}
