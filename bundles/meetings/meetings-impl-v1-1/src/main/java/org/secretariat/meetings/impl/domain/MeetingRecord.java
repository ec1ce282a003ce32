package org.secretariat.meetings.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** Summary record or minutes of a meeting or one of its sessions; every change keeps a revision. */
@Entity
@Table(name = "MEETINGS_RECORD")
public class MeetingRecord {

    @Id
    @TableGenerator(name = "RECORD", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "RECORD", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "SESSION_ID")
    public Long sessionId;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "TEXT", nullable = false, length = 16000)
    public String text;

    @Column(name = "REVISION", nullable = false)
    public int revision;

    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    public String updatedBy;

    @Version
    @Column(name = "VERSION")
    public int version;
}
