package org.secretariat.sponsorship.impl.domain;

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

/** A donor's fund for the travel of delegates, in one currency, possibly earmarked. */
@Entity
@Table(name = "SPONSORSHIP_FUND")
public class Fund {

    @Id
    @TableGenerator(name = "FUND", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "FUND",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "FUND")
    public Long id;

    /** The donor as a contacts organisation, when the contacts module named it. */
    @Column(name = "DONOR_ORGANISATION_ID")
    public Long donorOrganisationId;

    /** The donor as a state (ISO 3166-1 alpha-2). */
    @Column(name = "DONOR_STATE_ISO2", length = 2)
    public String donorStateIso2;

    /** The donor's name as shown: from contacts when it named the donor, else as entered. */
    @Column(name = "DONOR_NAME", nullable = false, length = 300)
    public String donorName;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    public String currency;

    @Column(name = "PLEDGED", nullable = false, precision = 19, scale = 4)
    public BigDecimal pledged;

    @Column(name = "EARMARK_MEETING_TYPE", length = 20)
    public String earmarkMeetingType;

    @Column(name = "EARMARK_YEAR")
    public Integer earmarkYear;

    @Column(name = "EARMARK_REGION", length = 100)
    public String earmarkRegion;

    /** The purpose of the finance module's earmarked contributions whose receipts are this fund's (1.1.0). */
    @Column(name = "FINANCE_PURPOSE", length = 300)
    public String financePurpose;

    @Column(name = "CREATED_AT", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
