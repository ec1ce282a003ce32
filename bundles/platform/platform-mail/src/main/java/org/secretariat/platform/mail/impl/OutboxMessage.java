package org.secretariat.platform.mail.impl;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A row of the outbox, as the administration and the sender read it. Rows are written only by native
 * statements ({@link Outbox}): the insert runs on the queuing module's own connection, and every change
 * of state is a conditional update, so no stale entity is ever merged back.
 */
@Entity
@Table(name = "MAIL_OUTBOX")
public class OutboxMessage {

    /** What became of a message. */
    public enum State {
        /** Waiting to be sent, or being sent (claimed until {@code nextAttemptAt}). */
        QUEUED,
        /** Accepted by the mail server. */
        SENT,
        /** Given up after the last attempt; an administrator may queue it again. */
        FAILED
    }

    @Id
    @Column(name = "ID")
    Long id;

    @Column(name = "MAIL_KEY", nullable = false)
    String key;

    @Column(name = "SOURCE_MODULE", nullable = false)
    String module;

    @Column(name = "TEMPLATE", nullable = false)
    String template;

    @Column(name = "LANGUAGE_CODE", nullable = false)
    String language;

    @Column(name = "RECIPIENT", nullable = false)
    String recipient;

    @Column(name = "RECIPIENT_NAME")
    String recipientName;

    @Column(name = "SUBJECT", nullable = false)
    String subject;

    @Lob
    @Column(name = "BODY_TEXT", nullable = false)
    String text;

    @Lob
    @Column(name = "BODY_HTML")
    String html;

    @Column(name = "STATE", nullable = false)
    String state;

    @Column(name = "ATTEMPTS", nullable = false)
    int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "LAST_ERROR")
    String lastError;

    @Column(name = "QUEUED_AT", nullable = false)
    Instant queuedAt;

    @Column(name = "SENT_AT")
    Instant sentAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    int version;
}
