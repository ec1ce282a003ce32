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
import javax.persistence.Version;

/**
 * A state's plan to pay its arrears in instalments ({@link PaymentInstalment}); the assessed
 * contributions it covers are in FINANCE_PAYMENT_PLAN_CONTRIBUTION.
 */
@Entity
@Table(name = "FINANCE_PAYMENT_PLAN")
public class PaymentPlan {

    @Id
    @TableGenerator(name = "PAYMENT_PLAN", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PAYMENT_PLAN", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PAYMENT_PLAN")
    public Long id;

    @Column(name = "STATE", nullable = false, length = 10)
    public String state;

    /** Receipts from this day on pay the instalments. */
    @Column(name = "AGREED_ON", nullable = false)
    public LocalDate agreedOn;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "NOTE", length = 300)
    public String note;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
