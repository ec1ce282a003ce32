package org.secretariat.meetings.impl.domain;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A reminder of a follow-up action (due soon, or overdue) for one due date, and what became of it. */
@Entity
@Table(name = "MEETINGS_ACTION_REMINDER")
public class ActionReminder {

    @Id
    @TableGenerator(name = "ACTION_REMINDER", table = "MEETINGS_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ACTION_REMINDER", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ACTION_REMINDER")
    public Long id;

    @Column(name = "ACTION_ID", nullable = false)
    public long actionId;

    @Column(name = "DUE_DATE", nullable = false)
    public LocalDate dueDate;

    /** {@code DUE_SOON} or {@code OVERDUE}. */
    @Column(name = "KIND", nullable = false, length = 20)
    public String kind;

    /** {@code QUEUED}, or why not: {@code NO_RECIPIENT}, {@code NO_MAILER}, {@code REFUSED}. */
    @Column(name = "OUTCOME", nullable = false, length = 30)
    public String outcome;

    @Column(name = "SENT_TO", length = 200)
    public String sentTo;

    @Column(name = "TRIED_AT", nullable = false)
    public Instant triedAt;
}
