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

/** A revision of a year's budget; its lines are {@link BudgetLine}s. */
@Entity
@Table(name = "FINANCE_BUDGET")
public class Budget {

    @Id
    @TableGenerator(name = "BUDGET", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "BUDGET", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "BUDGET")
    public Long id;

    @Column(name = "BUDGET_YEAR", nullable = false)
    public int year;

    /** 1 for the year's first budget, then 2, 3 ... */
    @Column(name = "REVISION", nullable = false)
    public int revision;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public BudgetStatus status;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "TOTAL", nullable = false, precision = 19, scale = 4)
    public BigDecimal total;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Column(name = "PROPOSED_AT")
    public Instant proposedAt;

    @Column(name = "APPROVED_BY", length = 100)
    public String approvedBy;

    @Column(name = "APPROVED_AT")
    public Instant approvedAt;

    /** The day the States Parties approved this revision, with their decision's reference and, if known, the meeting's id and name. */
    @Column(name = "SP_APPROVED_ON")
    public java.time.LocalDate statesPartiesApprovedOn;

    @Column(name = "SP_REFERENCE", length = 300)
    public String statesPartiesReference;

    @Column(name = "SP_MEETING_ID")
    public Long statesPartiesMeetingId;

    @Column(name = "SP_MEETING", length = 300)
    public String statesPartiesMeeting;

    /** The decision's number in that meeting, and how it is cited (with the meetings module installed). */
    @Column(name = "SP_DECISION")
    public Integer statesPartiesDecision;

    @Column(name = "SP_DECISION_TITLE", length = 300)
    public String statesPartiesDecisionTitle;

    @Version
    @Column(name = "VERSION")
    public int version;
}
