package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A line of a {@link PublishedTable}: a state's (state set) or a donor's who may be named (donor set). */
@Entity
@Table(name = "FINANCE_PUBLISHED_LINE")
public class PublishedLine {

    @Id
    @TableGenerator(name = "PUBLISHED_LINE", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PUBLISHED_LINE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PUBLISHED_LINE")
    public Long id;

    @Column(name = "TABLE_ID", nullable = false)
    public long tableId;

    @Column(name = "POSITION", nullable = false)
    public int position;

    @Column(name = "STATE", length = 10)
    public String state;

    @Column(name = "NAME", length = 300)
    public String name;

    @Column(name = "DONOR", length = 300)
    public String donor;

    @Column(name = "ASSESSED", precision = 19, scale = 4)
    public BigDecimal assessed;

    @Column(name = "RECEIVED", precision = 19, scale = 4)
    public BigDecimal received;

    @Column(name = "OUTSTANDING", precision = 19, scale = 4)
    public BigDecimal outstanding;

    @Column(name = "VOLUNTARY", nullable = false, precision = 19, scale = 4)
    public BigDecimal voluntary;

    @Column(name = "STATUS", length = 20)
    public String status;
}
