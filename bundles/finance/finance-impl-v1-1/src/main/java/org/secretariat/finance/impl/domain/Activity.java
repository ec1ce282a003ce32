package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;

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

/** A work-plan activity of a fiscal year, under a budget line (by code). */
@Entity
@Table(name = "FINANCE_ACTIVITY")
public class Activity {

    @Id
    @TableGenerator(name = "ACTIVITY", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ACTIVITY", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ACTIVITY")
    public Long id;

    @Column(name = "FISCAL_YEAR", nullable = false)
    public int year;

    @Column(name = "CODE", nullable = false, length = 20)
    public String code;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "LINE_CODE", nullable = false, length = 20)
    public String lineCode;

    @Column(name = "PLANNED", nullable = false, precision = 19, scale = 4)
    public BigDecimal planned;

    /** When in the year, as people say it: {@code Q1}, {@code Q2-Q3}, {@code March}. */
    @Column(name = "PERIOD", length = 20)
    public String period;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public ActivityStatus status;

    @Version
    @Column(name = "VERSION")
    public int version;
}
