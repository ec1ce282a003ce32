package org.secretariat.sponsorship.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

/** One decision on an application, with its reason; never changed. */
@Entity
@Table(name = "SPONSORSHIP_DECISION")
public class Decision {

    @Id
    @TableGenerator(name = "DECISION", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "DECISION",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DECISION")
    public Long id;

    @Column(name = "APPLICATION_ID", nullable = false)
    public long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS", length = 30)
    public ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS", nullable = false, length = 30)
    public ApplicationStatus toStatus;

    @Column(name = "REASON", nullable = false, length = 500)
    public String reason;

    @Column(name = "DECIDED_BY", nullable = false, length = 100)
    public String decidedBy;

    @Column(name = "DECIDED_AT", nullable = false)
    public Instant decidedAt;
}
