package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** Money received against a contribution. */
@Entity
@Table(name = "FINANCE_RECEIPT")
public class Receipt {

    @Id
    @TableGenerator(name = "RECEIPT", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "RECEIPT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECEIPT")
    public Long id;

    @Column(name = "CONTRIBUTION_ID", nullable = false)
    public long contributionId;

    @Column(name = "RECEIVED_ON", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    /** The currency the money came in; null on rows written before version 3 (then: the contribution's). */
    @Column(name = "CURRENCY", length = 3)
    public String currency;

    /** One unit of {@link #currency} in the base currency. */
    @Column(name = "EXCHANGE_RATE", nullable = false, precision = 19, scale = 8)
    public BigDecimal exchangeRate = BigDecimal.ONE;

    /** The amount in the base currency; null on rows written before version 3 (then: the amount). */
    @Column(name = "BASE_AMOUNT", precision = 19, scale = 4)
    public BigDecimal baseAmount;

    /** What the receipt settles of its contribution, in the contribution's currency; null before version 3 (then: the amount). */
    @Column(name = "SETTLED_AMOUNT", precision = 19, scale = 4)
    public BigDecimal settledAmount;

    @Column(name = "REFERENCE", length = 100)
    public String reference;

    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    public Instant recordedAt;

    public BigDecimal baseAmount() {
        return baseAmount == null ? amount : baseAmount;
    }

    public BigDecimal settledAmount() {
        return settledAmount == null ? amount : settledAmount;
    }
}
