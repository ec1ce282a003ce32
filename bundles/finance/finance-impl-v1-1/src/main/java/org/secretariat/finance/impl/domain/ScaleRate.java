package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A state's rate in a scale of assessment for a period of years, imported from a table or set by hand (manual wins). */
@Entity
@Table(name = "FINANCE_SCALE_RATE")
public class ScaleRate {

    @Id
    @TableGenerator(name = "SCALE_RATE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "SCALE_RATE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SCALE_RATE")
    public Long id;

    @Column(name = "STATE", nullable = false, length = 10)
    public String state;

    @Column(name = "FROM_YEAR", nullable = false)
    public int fromYear;

    @Column(name = "TO_YEAR", nullable = false)
    public int toYear;

    /** Per cent of the scale. */
    @Column(name = "RATE", nullable = false, precision = 12, scale = 6)
    public BigDecimal rate;

    @Column(name = "MANUAL", nullable = false)
    public boolean manual;

    @Column(name = "NOTE", length = 300)
    public String note;

    @Version
    @Column(name = "VERSION")
    public int version;
}
