package org.secretariat.meetings.impl.domain;

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

/** A meeting document with its official symbol; its language versions are {@link DocumentFile}s. */
@Entity
@Table(name = "MEETINGS_DOCUMENT")
public class MeetingDocument {

    @Id
    @TableGenerator(name = "DOCUMENT", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "DOCUMENT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DOCUMENT")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "CATEGORY", nullable = false, length = 30)
    public DocumentCategory category;

    @Column(name = "SEQUENCE_NUMBER", nullable = false)
    public int sequence;

    @Column(name = "SYMBOL", nullable = false, length = 100)
    public String symbol;

    @Column(name = "TITLE", nullable = false, length = 500)
    public String title;

    @Column(name = "PUBLIC_DOCUMENT", nullable = false)
    public boolean publicDocument;

    @Column(name = "ISSUED_ON")
    public LocalDate issuedOn;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
