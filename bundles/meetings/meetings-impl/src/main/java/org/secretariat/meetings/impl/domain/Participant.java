package org.secretariat.meetings.impl.domain;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A registered participant, in a delegation (a state or an organisation). */
@Entity
@Table(name = "MEETINGS_PARTICIPANT")
public class Participant {

    @Id
    @TableGenerator(name = "PARTICIPANT", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "PARTICIPANT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PARTICIPANT")
    public Long id;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "DELEGATION_KIND", nullable = false, length = 20)
    public DelegationKind delegationKind;

    @Column(name = "STATE_ISO2", length = 2)
    public String stateIso2;

    @Column(name = "DELEGATION_NAME", nullable = false, length = 300)
    public String delegationName;

    /** Where the delegation stands in the protocol order, fixed at registration. */
    @Enumerated(EnumType.STRING)
    @Column(name = "PROTOCOL_GROUP", nullable = false, length = 20)
    public ProtocolGroup protocolGroup;

    @Column(name = "HONORIFIC", length = 40)
    public String honorific;

    @Column(name = "GIVEN_NAME", length = 100)
    public String givenName;

    @Column(name = "FAMILY_NAME", nullable = false, length = 100)
    public String familyName;

    @Column(name = "POSITION_TITLE", length = 200)
    public String positionTitle;

    @Column(name = "EMAIL", length = 200)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "ROLE", nullable = false, length = 30)
    public ParticipantRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public RegistrationStatus status;

    /**
     * Whether credentials were received: the flag 1.0 and 1.1 keep, and still the truth after a rollback
     * to them (they clear it without knowing the kind): the kind and date count only while it is set.
     */
    @Column(name = "CREDENTIALS_RECEIVED", nullable = false)
    public boolean credentialsReceived;

    /** Since 1.2: the kind of credentials received; null while none, or for credentials recorded before 1.2 (kind unknown). */
    @Enumerated(EnumType.STRING)
    @Column(name = "CREDENTIALS_KIND", length = 20)
    public CredentialsKind credentialsKind;

    /** Since 1.2: the day the credentials were received. */
    @Column(name = "CREDENTIALS_RECEIVED_ON")
    public LocalDate credentialsReceivedOn;

    /** Since 1.2: the ISO 639-1 language the participant is written to in. */
    @Column(name = "LANGUAGE", length = 8)
    public String language;

    /** Since 1.2: what the participant needs to take part (access, sign language, captions, ...), as they wrote it. */
    @Column(name = "ACCESSIBILITY_NEEDS", length = 500)
    public String accessibilityNeeds;

    /** Since 1.2: the public registration form's submission that nominated the participant, if any (its credentials letter). */
    @Column(name = "SUBMISSION_ID")
    public Long submissionId;

    /** Since 1.2: registered by the sponsorship module (meetings-api 1.3) as a sponsored delegate; null or false otherwise. */
    @Column(name = "SPONSORED")
    public Boolean sponsored;

    /** Since 1.2: the contacts module's person the participant is, when linked. */
    @Column(name = "PERSON_ID")
    public Long personId;

    @Column(name = "REGISTERED_AT", nullable = false)
    public Instant registeredAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
