package org.secretariat.meetings.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A past state of a record: who changed what, when. */
@Entity
@Table(name = "MEETINGS_RECORD_REVISION")
public class RecordRevision {

    @Id
    @TableGenerator(name = "RECORD_REVISION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "RECORD_REVISION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD_REVISION")
    public Long id;

    @Column(name = "RECORD_ID", nullable = false)
    public long recordId;

    @Column(name = "REVISION", nullable = false)
    public int revision;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "TEXT", nullable = false, length = 16000)
    public String text;

    @Column(name = "NOTE", length = 500)
    public String note;

    @Column(name = "CHANGED_BY", nullable = false, length = 100)
    public String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    public Instant changedAt;
}
