package org.secretariat.expertise.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A note on a request, written with a step of its workflow (the status it went to). */
@Entity
@Table(name = "EXPERTISE_REQUEST_NOTE")
public class RequestNote {

    @Id
    @TableGenerator(name = "REQUEST_NOTE", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "REQUEST_NOTE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "REQUEST_NOTE")
    @Column(name = "ID")
    public Long id;

    @Column(name = "REQUEST_ID", nullable = false)
    public long requestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public RequestStatus status;

    @Column(name = "NOTE", length = 4000)
    public String note;

    @Column(name = "WRITTEN_BY", length = 100)
    public String writtenBy;

    @Column(name = "WRITTEN_AT", nullable = false)
    public Instant writtenAt;
}
