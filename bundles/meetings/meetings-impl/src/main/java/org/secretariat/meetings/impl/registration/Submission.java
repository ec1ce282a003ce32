package org.secretariat.meetings.impl.registration;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * Since 1.2: one sending of the public registration form: who sent it (the delegation's focal point),
 * the credentials letter (stored once per SHA-256 with the meeting documents' files), and the form's
 * nonce, unique, so one form is taken once.
 */
@Entity
@Table(name = "MEETINGS_SUBMISSION")
class Submission {

    @Id
    @TableGenerator(name = "SUBMISSION", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "SUBMISSION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "SUBMISSION")
    Long id;

    @Column(name = "MEETING_ID", nullable = false)
    long meetingId;

    @Column(name = "INVITATION_ID", nullable = false)
    long invitationId;

    @Column(name = "FOCAL_POINT_NAME", nullable = false, length = 200)
    String focalPointName;

    @Column(name = "FOCAL_POINT_EMAIL", nullable = false, length = 200)
    String focalPointEmail;

    @Column(name = "LANGUAGE", nullable = false, length = 8)
    String language;

    @Column(name = "LETTER_SHA256", nullable = false, length = 64)
    String letterSha256;

    @Column(name = "LETTER_NAME", nullable = false, length = 255)
    String letterName;

    @Column(name = "LETTER_SIZE", nullable = false)
    long letterSize;

    @Column(name = "DELEGATES", nullable = false)
    int delegates;

    @Column(name = "NONCE", nullable = false, length = 100)
    String nonce;

    @Column(name = "SUBMITTED_AT", nullable = false)
    Instant submittedAt;
}
