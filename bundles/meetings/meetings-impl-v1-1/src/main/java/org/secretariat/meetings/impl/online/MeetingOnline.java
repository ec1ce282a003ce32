package org.secretariat.meetings.impl.online;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Since 1.1: how to take part in a hybrid meeting from afar (table created by migration V2). */
@Entity
@Table(name = "MEETINGS_ONLINE")
class MeetingOnline {

    @Id
    @Column(name = "MEETING_ID")
    Long meetingId;

    @Column(name = "ONLINE_URL", length = 500)
    String onlineUrl;

    /** Languages of interpretation, ISO 639-1 codes separated by commas. */
    @Column(name = "INTERPRETATION", length = 100)
    String interpretation;
}
