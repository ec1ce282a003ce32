package org.secretariat.expertise.impl.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Lob;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A consultant's contract. The consultant's name is copied from the expert so that the contract, a
 * financial record, keeps it after the expert's profile is deleted at the end of its retention.
 */
@Entity
@Table(name = "EXPERTISE_CONTRACT")
public class Contract {

    @Id
    @TableGenerator(name = "CONTRACT", table = "EXPERTISE_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "CONTRACT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CONTRACT")
    @Column(name = "ID")
    public Long id;

    @Column(name = "EXPERT_ID")
    public Long expertId;

    @Column(name = "CONSULTANT_NAME", nullable = false, length = 200)
    public String consultantName;

    @Column(name = "REQUEST_ID")
    public Long requestId;

    @Lob
    @Column(name = "TERMS_OF_REFERENCE", nullable = false)
    public String termsOfReference;

    @Column(name = "START_DATE", nullable = false)
    public LocalDate startDate;

    @Column(name = "END_DATE", nullable = false)
    public LocalDate endDate;

    @Column(name = "FEE", nullable = false, precision = 19, scale = 4)
    public BigDecimal fee;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "BUDGET_YEAR")
    public Integer budgetYear;

    @Column(name = "BUDGET_LINE", length = 20)
    public String budgetLine;

    /** The finance module's commitment of the fee on the budget line (expertise 1.1), kept after it is released. */
    @Column(name = "COMMITMENT_ID")
    public Long commitmentId;

    /** The day the contract was cancelled (its commitment released, the account's access ended); null while it stands. */
    @Column(name = "CANCELLED_ON")
    public LocalDate cancelledOn;

    @Column(name = "CANCELLATION_REASON", length = 300)
    public String cancellationReason;

    /** The platform account made for the consultant, whose access ends with the contract. */
    @Column(name = "ACCOUNT_USERNAME", length = 100)
    public String accountUsername;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
