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

/** What one unit of a currency is worth in the base currency from a date on, as staff entered it. */
@Entity
@Table(name = "FINANCE_EXCHANGE_RATE")
public class ExchangeRate {

    @Id
    @TableGenerator(name = "EXCHANGE_RATE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "EXCHANGE_RATE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "EXCHANGE_RATE")
    public Long id;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "RATE_DATE", nullable = false)
    public LocalDate date;

    @Column(name = "RATE", nullable = false, precision = 19, scale = 8)
    public BigDecimal rate;

    @Column(name = "NOTE", length = 300)
    public String note;

    @Column(name = "ENTERED_BY", nullable = false, length = 100)
    public String enteredBy;

    @Column(name = "ENTERED_AT", nullable = false)
    public Instant enteredAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
