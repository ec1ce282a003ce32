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

/** A decision or recommendation adopted by a meeting, numbered per meeting. */
@Entity
@Table(name = "MEETINGS_DECISION")
public class Decision {

    @Id
    @TableGenerator(name = "DECISION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "DECISION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DECISION")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "NUMBER", nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public DecisionKind kind;

    @Column(name = "TITLE", nullable = false, length = 500)
    public String title;

    @Column(name = "TEXT", nullable = false, length = 16000)
    public String text;

    @Column(name = "AGENDA_ITEM_ID")
    public Long agendaItemId;

    @Column(name = "ADOPTED_ON")
    public LocalDate adoptedOn;

    /** One of the profile's thematic areas, or null. */
    @Column(name = "THEME", length = 200)
    public String theme;

    /** Whether the decision set a practice later meetings follow: it appears in the register of established practice. */
    @Column(name = "ESTABLISHED_PRACTICE", nullable = false)
    public boolean establishedPractice;

    @Version
    @Column(name = "VERSION")
    public int version;
}
