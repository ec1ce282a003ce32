package org.secretariat.finance.impl.domain;

import java.math.BigDecimal;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A year's assessment as saved: the amount, and the formula's name, version and parameters, so that
 * it stays as it was when the formula module is gone. Its shares are {@link AssessedShare}s.
 */
@Entity
@Table(name = "FINANCE_ASSESSMENT")
public class SavedAssessment {

    @Id
    @TableGenerator(name = "ASSESSMENT", table = "FINANCE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ASSESSMENT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ASSESSMENT")
    public Long id;

    @Column(name = "ASSESSMENT_YEAR", nullable = false)
    public int year;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "FORMULA", nullable = false, length = 100)
    public String formula;

    @Column(name = "FORMULA_VERSION", nullable = false, length = 50)
    public String formulaVersion;

    /** The parameters as name=value pairs separated by ';', in the order given. */
    @Column(name = "PARAMETERS", nullable = false, length = 2000)
    public String parameters;

    /** The meeting whose costs are shared (meetings module's id), or 0 for the year's budget. */
    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "MEETING_TITLE", length = 300)
    public String meetingTitle;

    @Column(name = "SAVED_BY", nullable = false, length = 100)
    public String savedBy;

    @Column(name = "SAVED_AT", nullable = false)
    public Instant savedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
