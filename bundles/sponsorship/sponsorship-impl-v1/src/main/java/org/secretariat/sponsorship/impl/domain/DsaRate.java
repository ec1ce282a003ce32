package org.secretariat.sponsorship.impl.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** The daily subsistence allowance of a city from a date on (until the next rate of the city). */
@Entity
@Table(name = "SPONSORSHIP_DSA_RATE")
public class DsaRate {

    @Id
    @TableGenerator(name = "DSA_RATE", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "DSA_RATE",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DSA_RATE")
    public Long id;

    @Column(name = "CITY", nullable = false, length = 100)
    public String city;

    /** The city in lower case without accents: how rates are looked up. */
    @Column(name = "CITY_KEY", nullable = false, length = 100)
    public String cityKey;

    @Column(name = "VALID_FROM", nullable = false)
    public LocalDate validFrom;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "RATE", nullable = false, precision = 19, scale = 4)
    public BigDecimal rate;
}
