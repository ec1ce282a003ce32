package org.secretariat.sponsorship.impl.domain;

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

/**
 * The sponsorship programme of one meeting: the meeting as the meetings module described it when the
 * programme was set up (so the programme reads without that module), its fund, and the rules and
 * weights of the selection.
 */
@Entity
@Table(name = "SPONSORSHIP_PROGRAMME")
public class Programme {

    @Id
    @TableGenerator(name = "PROGRAMME", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "PROGRAMME",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PROGRAMME")
    public Long id;

    @Column(name = "FUND_ID", nullable = false)
    public long fundId;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "MEETING_TYPE", nullable = false, length = 20)
    public String meetingType;

    @Column(name = "MEETING_TITLE", nullable = false, length = 300)
    public String meetingTitle;

    @Column(name = "MEETING_START", nullable = false)
    public LocalDate meetingStart;

    @Column(name = "MEETING_END", nullable = false)
    public LocalDate meetingEnd;

    @Column(name = "MEETING_CITY", length = 100)
    public String meetingCity;

    @Column(name = "DEADLINE", nullable = false)
    public Instant deadline;

    @Column(name = "PLACES", nullable = false)
    public int places;

    /** The treaty statuses eligible, comma-separated (STATE_PARTY,SIGNATORY); null or empty: any. */
    @Column(name = "ELIGIBLE_STATUSES", length = 100)
    public String eligibleStatuses;

    @Column(name = "MAX_PER_STATE", nullable = false)
    public int maxPerState;

    @Column(name = "TERMINAL_EXPENSES", nullable = false, precision = 19, scale = 4)
    public BigDecimal terminalExpenses;

    @Column(name = "POINTS_STATE_PARTY", nullable = false)
    public int pointsStateParty;

    @Column(name = "POINTS_MANDATE", nullable = false)
    public int pointsMandate;

    @Column(name = "POINTS_NOT_SPONSORED_BEFORE", nullable = false)
    public int pointsNotSponsoredBefore;

    @Column(name = "POINTS_GENDER_BALANCE", nullable = false)
    public int pointsGenderBalance;

    @Column(name = "POINTS_FIRST_PARTICIPATION", nullable = false)
    public int pointsFirstParticipation;

    /** When the Director approved the selection; null before. */
    @Column(name = "APPROVED_AT")
    public Instant approvedAt;

    @Column(name = "APPROVED_BY", length = 100)
    public String approvedBy;

    @Version
    @Column(name = "VERSION")
    public int version;
}
