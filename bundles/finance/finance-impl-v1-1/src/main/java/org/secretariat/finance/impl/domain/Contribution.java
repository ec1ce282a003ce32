package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
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
import javax.persistence.Version;

/** A contribution of a year: assessed on a state by a saved assessment, or pledged voluntarily (earmarked or not). */
@Entity
@Table(name = "FINANCE_CONTRIBUTION")
public class Contribution {

    @Id
    @TableGenerator(name = "CONTRIBUTION", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "CONTRIBUTION", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CONTRIBUTION")
    public Long id;

    @Column(name = "CONTRIBUTION_YEAR", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 20)
    public ContributionKind kind;

    @Column(name = "STATE", length = 10)
    public String state;

    @Column(name = "DONOR", length = 300)
    public String donor;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    /** One unit of {@link #currency} in the base currency; 1 when the contribution is in the base currency. */
    @Column(name = "EXCHANGE_RATE", nullable = false, precision = 19, scale = 8)
    public BigDecimal exchangeRate = BigDecimal.ONE;

    /** The amount in the base currency at {@link #exchangeRate}; null on rows written before version 3 (then: the amount). */
    @Column(name = "BASE_AMOUNT", precision = 19, scale = 4)
    public BigDecimal baseAmount;

    /** Whether the donor of a voluntary contribution may be named in the published status of contributions. */
    @Column(name = "PUBLIC_DONOR", nullable = false)
    public boolean publicDonor;

    @Column(name = "PURPOSE", length = 300)
    public String purpose;

    @Column(name = "ASSESSMENT_ID")
    public Long assessmentId;

    @Column(name = "PLEDGED_ON")
    public LocalDate pledgedOn;

    /** The amount in the base currency. */
    public BigDecimal baseAmount() {
        return baseAmount == null ? amount : baseAmount;
    }

    @Version
    @Column(name = "VERSION")
    public int version;
}
