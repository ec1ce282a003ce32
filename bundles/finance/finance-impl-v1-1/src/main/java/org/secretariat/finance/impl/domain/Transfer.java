package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
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
import javax.persistence.Version;

/** Money moved between two lines of an approved budget revision. */
@Entity
@Table(name = "FINANCE_TRANSFER")
public class Transfer {

    @Id
    @TableGenerator(name = "TRANSFER", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "TRANSFER", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "TRANSFER")
    public Long id;

    @Column(name = "BUDGET_ID", nullable = false)
    public long budgetId;

    @Column(name = "FROM_LINE", nullable = false, length = 20)
    public String fromLine;

    @Column(name = "TO_LINE", nullable = false, length = 20)
    public String toLine;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "REASON", nullable = false, length = 300)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public TransferStatus status;

    @Column(name = "REQUESTED_BY", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "REQUESTED_AT", nullable = false)
    public Instant requestedAt;

    @Column(name = "DECIDED_BY", length = 100)
    public String decidedBy;

    @Column(name = "DECIDED_AT")
    public Instant decidedAt;

    @Column(name = "DECISION_REASON", length = 300)
    public String decisionReason;

    @Version
    @Column(name = "VERSION")
    public int version;
}
