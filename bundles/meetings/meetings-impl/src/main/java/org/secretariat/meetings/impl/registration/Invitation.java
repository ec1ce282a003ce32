package org.secretariat.meetings.impl.registration;

import java.time.Instant;

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

import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ProtocolGroup;

/** Since 1.2: an invitation to a meeting sent to one recipient for one delegation, with its signed link. */
@Entity
@Table(name = "MEETINGS_INVITATION")
class Invitation {

    @Id
    @TableGenerator(name = "INVITATION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "INVITATION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "INVITATION")
    Long id;

    @Column(name = "MEETING_ID", nullable = false)
    long meetingId;

    @Column(name = "EMAIL", nullable = false, length = 200)
    String email;

    @Column(name = "NAME", length = 200)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "DELEGATION_KIND", nullable = false, length = 20)
    DelegationKind delegationKind;

    @Column(name = "STATE_ISO2", length = 2)
    String stateIso2;

    @Column(name = "DELEGATION_NAME", nullable = false, length = 300)
    String delegationName;

    /** Where a state sits without the contacts module, as staff said. */
    @Enumerated(EnumType.STRING)
    @Column(name = "PROTOCOL_GROUP", length = 20)
    ProtocolGroup protocolGroup;

    @Column(name = "LANGUAGE", nullable = false, length = 8)
    String language;

    @Column(name = "EXPIRES_AT", nullable = false)
    Instant expiresAt;

    @Column(name = "SENT_AT", nullable = false)
    Instant sentAt;

    @Column(name = "SENT_BY", nullable = false, length = 100)
    String sentBy;

    @Column(name = "MAIL_QUEUED", nullable = false)
    boolean mailQueued;

    @Column(name = "REVOKED_AT")
    Instant revokedAt;

    /** Since 1.2: the contacts module's person invited, when the invitation went to a member of a group. */
    @Column(name = "PERSON_ID")
    Long personId;

    @Version
    @Column(name = "VERSION")
    int version;
}
