package org.secretariat.meetings.impl.domain;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** An agenda item; items nest under a parent (2, 2(a), 2(b)...). */
@Entity
@Table(name = "MEETINGS_AGENDA_ITEM")
public class AgendaItem {

    @Id
    @TableGenerator(name = "AGENDA_ITEM", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "AGENDA_ITEM", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "AGENDA_ITEM")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "PARENT_ID")
    public Long parentId;

    @Column(name = "NUMBER", nullable = false, length = 20)
    public String number;

    @Column(name = "TITLE", nullable = false, length = 500)
    public String title;

    @Version
    @Column(name = "VERSION")
    public int version;
}
