package org.secretariat.sponsorship.impl.domain;

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

/** Money received for a fund; a receipt is never changed (a correction is a negative receipt). */
@Entity
@Table(name = "SPONSORSHIP_RECEIPT")
public class Receipt {

    @Id
    @TableGenerator(name = "RECEIPT", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "RECEIPT",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "RECEIPT")
    public Long id;

    @Column(name = "FUND_ID", nullable = false)
    public long fundId;

    @Column(name = "RECEIVED_ON", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "NOTE", length = 300)
    public String note;

    /** The finance receipt this one mirrors (received for the fund's earmarking), or null for one entered here. */
    @Column(name = "FINANCE_RECEIPT_ID")
    public Long financeReceiptId;

    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    public Instant recordedAt;
}
