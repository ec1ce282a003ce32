package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A state's share of a saved assessment, as the formula answered it. */
@Entity
@Table(name = "FINANCE_ASSESSMENT_SHARE")
public class AssessedShare {

    @Id
    @TableGenerator(name = "ASSESSMENT_SHARE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ASSESSMENT_SHARE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ASSESSMENT_SHARE")
    public Long id;

    @Column(name = "ASSESSMENT_ID", nullable = false)
    public long assessmentId;

    @Column(name = "POSITION", nullable = false)
    public int position;

    @Column(name = "STATE", nullable = false, length = 10)
    public String state;

    @Column(name = "RATE", precision = 12, scale = 6)
    public BigDecimal rate;

    @Column(name = "SHARE_PERCENT", nullable = false, precision = 12, scale = 6)
    public BigDecimal share;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "FIXED", nullable = false)
    public boolean fixed;

    @Column(name = "REASON", length = 300)
    public String reason;
}
