package org.secretariat.meetings.impl.registration;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Since 1.2: when a meeting's registration through invitations closes (table created by migration V3). */
@Entity
@Table(name = "MEETINGS_REGISTRATION")
class MeetingRegistration {

    @Id
    @Column(name = "MEETING_ID")
    Long meetingId;

    @Column(name = "DEADLINE")
    Instant deadline;
}
