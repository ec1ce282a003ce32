package org.secretariat.meetings.impl.domain;

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

/** A follow-up action: who does what by when, from a meeting or a decision. */
@Entity
@Table(name = "MEETINGS_ACTION")
public class FollowUpAction {

    @Id
    @TableGenerator(name = "ACTION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ACTION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ACTION")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "DECISION_ID")
    public Long decisionId;

    @Column(name = "TITLE", nullable = false, length = 500)
    public String title;

    @Column(name = "OWNER", nullable = false, length = 200)
    public String owner;

    @Column(name = "DUE_DATE")
    public LocalDate dueDate;

    /** Since 1.2: where reminders to the owner go (else to the unit's address, if configured). */
    @Column(name = "OWNER_EMAIL", length = 200)
    public String ownerEmail;

    /** Since 1.2: the language reminders to the owner are written in (else the profile's first). */
    @Column(name = "OWNER_LANGUAGE", length = 8)
    public String ownerLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public ActionStatus status;

    @Version
    @Column(name = "VERSION")
    public int version;
}
