package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
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

/** Money spent on a budget line, in the profile's currency: entered by hand or imported from the host's ledger. */
@Entity
@Table(name = "FINANCE_EXPENDITURE")
public class Expenditure {

    @Id
    @TableGenerator(name = "EXPENDITURE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "EXPENDITURE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "EXPENDITURE")
    public Long id;

    @Column(name = "SPENT_ON", nullable = false)
    public LocalDate spentOn;

    @Column(name = "FISCAL_YEAR", nullable = false)
    public int fiscalYear;

    @Column(name = "LINE_CODE", nullable = false, length = 20)
    public String lineCode;

    /** Negative for a refund or a correction. */
    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "DESCRIPTION", length = 300)
    public String description;

    /** The host's ledger reference: an entry with a reference is imported once. */
    @Column(name = "REFERENCE", length = 100)
    public String reference;

    @Column(name = "ACTIVITY_ID")
    public Long activityId;

    @Enumerated(EnumType.STRING)
    @Column(name = "SOURCE", nullable = false, length = 20)
    public ExpenditureSource source;

    /** The earmarked fund the entry is charged to (the purpose of earmarked contributions), or null: the general budget. */
    @Column(name = "FUND", length = 300)
    public String fund;

    @Column(name = "RECORDED_BY", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    public Instant recordedAt;
}
