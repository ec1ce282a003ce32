package org.secretariat.meetings.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A proposal staff turned down: the participant is not that person of the contacts module. */
@Entity
@Table(name = "MEETINGS_LINK_REJECTION")
public class LinkRejection {

    @Id
    @TableGenerator(name = "LINK_REJECTION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "LINK_REJECTION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "LINK_REJECTION")
    public Long id;

    @Column(name = "PARTICIPANT_ID", nullable = false)
    public long participantId;

    @Column(name = "PERSON_ID", nullable = false)
    public long personId;

    @Column(name = "REJECTED_AT", nullable = false)
    public Instant rejectedAt;
}
