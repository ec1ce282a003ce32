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

/** A year's published status of contributions, as of a date, with its totals; its lines are {@link PublishedLine}s. */
@Entity
@Table(name = "FINANCE_PUBLISHED_TABLE")
public class PublishedTable {

    @Id
    @TableGenerator(name = "PUBLISHED_TABLE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PUBLISHED_TABLE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PUBLISHED_TABLE")
    public Long id;

    @Column(name = "TABLE_YEAR", nullable = false)
    public int year;

    @Column(name = "AS_OF", nullable = false)
    public LocalDate asOf;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "ASSESSED", nullable = false, precision = 19, scale = 4)
    public BigDecimal assessed;

    @Column(name = "RECEIVED", nullable = false, precision = 19, scale = 4)
    public BigDecimal received;

    @Column(name = "OUTSTANDING", nullable = false, precision = 19, scale = 4)
    public BigDecimal outstanding;

    @Column(name = "VOLUNTARY", nullable = false, precision = 19, scale = 4)
    public BigDecimal voluntary;

    @Column(name = "UNNAMED_VOLUNTARY", nullable = false, precision = 19, scale = 4)
    public BigDecimal unnamedVoluntary;

    @Column(name = "PUBLISHED_BY", nullable = false, length = 100)
    public String publishedBy;

    @Column(name = "PUBLISHED_AT", nullable = false)
    public Instant publishedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
