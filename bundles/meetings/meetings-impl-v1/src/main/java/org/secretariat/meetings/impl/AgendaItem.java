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

/** An agenda item; items nest under a parent (2, 2(a), 2(b)...). */
@Entity
@Table(name = "MEETINGS_AGENDA_ITEM")
class AgendaItem {

    @Id
    @TableGenerator(name = "AGENDA_ITEM", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "AGENDA_ITEM", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "AGENDA_ITEM")
    Long id;

    @Column(name = "MEETING_ID", nullable = false)
    long meetingId;

    @Column(name = "PARENT_ID")
    Long parentId;

    @Column(name = "NUMBER", nullable = false, length = 20)
    String number;

    @Column(name = "TITLE", nullable = false, length = 500)
    String title;

    @Version
    @Column(name = "VERSION")
    int version;
}
