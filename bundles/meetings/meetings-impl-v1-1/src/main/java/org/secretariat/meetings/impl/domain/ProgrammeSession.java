package org.secretariat.meetings.impl.domain;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A session of the programme: when, where, which agenda items. */
@Entity
@Table(name = "MEETINGS_SESSION")
public class ProgrammeSession {

    @Id
    @TableGenerator(name = "SESSION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "SESSION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SESSION")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "SESSION_DATE", nullable = false)
    public LocalDate date;

    /** HH:mm, local time at the venue. */
    @Column(name = "START_TIME", nullable = false, length = 5)
    public String startTime;

    @Column(name = "END_TIME", nullable = false, length = 5)
    public String endTime;

    @Column(name = "ROOM", length = 100)
    public String room;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    /** Numbers of the agenda items taken up, comma separated. */
    @Column(name = "AGENDA_ITEMS", length = 300)
    public String agendaItems;

    @Version
    @Column(name = "VERSION")
    public int version;
}
