package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** Money committed on a line of a fiscal year's approved budget, open until released (finance 1.2). */
@Entity
@Table(name = "FINANCE_COMMITMENT")
public class BudgetCommitment {

    @Id
    @TableGenerator(name = "COMMITMENT", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "COMMITMENT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "COMMITMENT")
    public Long id;

    @Column(name = "FISCAL_YEAR", nullable = false)
    public int year;

    @Column(name = "LINE_CODE", nullable = false, length = 20)
    public String line;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    /** The committing module's idempotency key, e.g. expertise-contract-42. */
    @Column(name = "REFERENCE", nullable = false, length = 100)
    public String reference;

    @Column(name = "DESCRIPTION", length = 300)
    public String description;

    /** OPEN or RELEASED (the API's {@code Commitment.OPEN}, {@code Commitment.RELEASED}). */
    @Column(name = "STATUS", nullable = false, length = 20)
    public String status;

    @Column(name = "SPENT", precision = 19, scale = 4)
    public BigDecimal spent;

    @Column(name = "COMMITTED_BY", nullable = false, length = 100)
    public String committedBy;

    @Column(name = "COMMITTED_AT", nullable = false)
    public Instant committedAt;

    @Column(name = "RELEASED_BY", length = 100)
    public String releasedBy;

    @Column(name = "RELEASED_AT")
    public Instant releasedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
