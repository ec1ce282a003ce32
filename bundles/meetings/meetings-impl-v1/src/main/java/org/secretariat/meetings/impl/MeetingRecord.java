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

/** Summary record or minutes of a meeting or one of its sessions; every change keeps a revision. */
@Entity
@Table(name = "MEETINGS_RECORD")
class MeetingRecord {

    @Id
    @TableGenerator(name = "RECORD", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "RECORD", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECORD")
    Long id;

    @Column(name = "MEETING_ID", nullable = false)
    long meetingId;

    @Column(name = "SESSION_ID")
    Long sessionId;

    @Column(name = "TITLE", nullable = false, length = 300)
    String title;

    @Column(name = "TEXT", nullable = false, length = 16000)
    String text;

    @Column(name = "REVISION", nullable = false)
    int revision;

    @Column(name = "UPDATED_AT", nullable = false)
    Instant updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    String updatedBy;

    @Version
    @Column(name = "VERSION")
    int version;
}
