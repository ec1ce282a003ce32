package org.secretariat.meetings.impl;

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

/** A past state of a record: who changed what, when. */
@Entity
@Table(name = "MEETINGS_RECORD_REVISION")
class RecordRevision {

    @Id
    @TableGenerator(name = "RECORD_REVISION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "RECORD_REVISION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD_REVISION")
    Long id;

    @Column(name = "RECORD_ID", nullable = false)
    long recordId;

    @Column(name = "REVISION", nullable = false)
    int revision;

    @Column(name = "TITLE", nullable = false, length = 300)
    String title;

    @Column(name = "TEXT", nullable = false, length = 16000)
    String text;

    @Column(name = "NOTE", length = 500)
    String note;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    Instant changedAt;
}
