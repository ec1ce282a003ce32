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

import org.secretariat.meetings.api.MeetingStatus;

/** A meeting: formal (Meeting of States Parties, Review Conference) or informal. */
@Entity
@Table(name = "MEETINGS_MEETING")
public class Meeting {

    @Id
    @TableGenerator(name = "MEETING", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "MEETING", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MEETING")
    public Long id;

    /** The meeting type's code from the profile, e.g. MSP. */
    @Column(name = "TYPE", nullable = false, length = 20)
    public String type;

    @Column(name = "NUMBER")
    public Integer number;

    @Column(name = "TITLE", nullable = false, length = 300)
    public String title;

    @Column(name = "START_DATE", nullable = false)
    public LocalDate startDate;

    @Column(name = "END_DATE", nullable = false)
    public LocalDate endDate;

    @Column(name = "VENUE", length = 300)
    public String venue;

    @Column(name = "CITY", length = 100)
    public String city;

    @Column(name = "COUNTRY_ISO2", length = 2)
    public String countryIso2;

    /** Who presides, as written (e.g. "Norway, Ambassador Steffen Kongstad"). */
    @Column(name = "PRESIDENCY", length = 300)
    public String presidency;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    public MeetingStatus status;

    @Column(name = "PUBLIC_MEETING", nullable = false)
    public boolean publicMeeting;

    @Column(name = "UPDATED_AT", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    public int version;
}
