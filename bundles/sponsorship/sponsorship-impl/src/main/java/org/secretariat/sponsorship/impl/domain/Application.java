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
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Version;

/**
 * A state's nomination of a person for sponsorship to a programme's meeting. Holds no passport or visa
 * detail; the e-mail address only with the person's consent; the personal data are kept until
 * {@link #retainUntil}, then erased ({@link #erasedOn}) while what the donor report and the statistics
 * count stays.
 */
@Entity
@Table(name = "SPONSORSHIP_APPLICATION")
public class Application {

    @Id
    @TableGenerator(name = "APPLICATION", table = "SPONSORSHIP_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT", pkColumnValue = "APPLICATION",
            allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "APPLICATION")
    public Long id;

    @Column(name = "PROGRAMME_ID", nullable = false)
    public long programmeId;

    @Column(name = "STATE_ISO2", nullable = false, length = 2)
    public String stateIso2;

    @Column(name = "STATE_NAME", nullable = false, length = 300)
    public String stateName;

    /** The state's treaty status when it applied (from contacts when installed, else as declared). */
    @Column(name = "TREATY_STATUS", nullable = false, length = 20)
    public String treatyStatus;

    /** The person in the contacts module, when it is installed and the nomination names one. */
    @Column(name = "PERSON_ID")
    public Long personId;

    @Column(name = "GIVEN_NAME", length = 100)
    public String givenName;

    @Column(name = "FAMILY_NAME", nullable = false, length = 100)
    public String familyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "GENDER", length = 20)
    public Gender gender;

    @Column(name = "EMAIL", length = 200)
    public String email;

    @Column(name = "CONSENT", nullable = false)
    public boolean consent;

    @Column(name = "LANGUAGE", length = 8)
    public String language;

    /** Holds a coordinator or presidency mandate (from contacts when it names the person, else as declared). */
    @Column(name = "MANDATE_HOLDER", nullable = false)
    public boolean mandateHolder;

    @Column(name = "LETTER_SHA256", length = 64)
    public String letterSha256;

    @Column(name = "LETTER_NAME", length = 255)
    public String letterName;

    @Column(name = "LETTER_SIZE")
    public Long letterSize;

    /** The economy fare quoted, in the fund's currency. */
    @Column(name = "FARE", precision = 19, scale = 4)
    public BigDecimal fare;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 30)
    public ApplicationStatus status;

    /** The reason of the last decision. */
    @Column(name = "REASON", length = 500)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "ADJUSTMENT", length = 10)
    public Adjustment adjustment;

    @Column(name = "ADJUSTMENT_REASON", length = 500)
    public String adjustmentReason;

    /** What the approved selection set aside for the award and is not spent yet. */
    @Column(name = "COMMITTED", precision = 19, scale = 4)
    public BigDecimal committed;

    /** What the award cost, once attendance is recorded. */
    @Column(name = "SPENT", precision = 19, scale = 4)
    public BigDecimal spent;

    @Enumerated(EnumType.STRING)
    @Column(name = "ATTENDANCE", length = 20)
    public AttendanceKind attendance;

    @Column(name = "NIGHTS_ATTENDED")
    public Integer nightsAttended;

    /** The participant the meetings module registered for the accepted award. */
    @Column(name = "PARTICIPANT_ID")
    public Long participantId;

    @Column(name = "SUBMITTED_AT", nullable = false)
    public Instant submittedAt;

    @Column(name = "RETAIN_UNTIL", nullable = false)
    public LocalDate retainUntil;

    /** The day the personal data were erased, their retention date having passed; null while they are kept. */
    @Column(name = "ERASED_ON")
    public LocalDate erasedOn;

    @Version
    @Column(name = "VERSION")
    public int version;
}
