package org.secretariat.meetings.impl.domain;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Since 1.2: a participant another module registered (meetings-api 1.3's MeetingRegistrations), under
 * that module's key: the key is the primary key, so a second registration under it is impossible even
 * when two arrive at once.
 */
@Entity
@Table(name = "MEETINGS_EXTERNAL_REGISTRATION")
public class ExternalRegistration {

    @Id
    @Column(name = "EXTERNAL_KEY", length = 100)
    public String externalKey;

    @Column(name = "MEETING_ID", nullable = false)
    public long meetingId;

    @Column(name = "PARTICIPANT_ID", nullable = false)
    public long participantId;

    @Column(name = "REGISTERED_AT", nullable = false)
    public Instant registeredAt;
}
