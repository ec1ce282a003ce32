package org.secretariat.meetings.impl.service;

import java.util.Set;

import javax.persistence.EntityManager;

import org.secretariat.meetings.impl.domain.Meeting;

/**
 * Fields a later version adds to a meeting without changing the meeting's own table: each extension
 * claims some JSON fields, stores them in its own table (created by its migration) and adds them to
 * the meeting's JSON. Registered as a service inside this bundle; {@link Meetings} calls it within
 * its own transaction.
 */
public interface MeetingExtension {

    /** The JSON fields this extension owns. */
    Set<String> fields();

    /** Adds the extension's fields of a meeting to its JSON. */
    void read(EntityManager em, Meeting meeting, MeetingJson json);

    /** Checks and stores the extension's fields sent for a meeting. */
    void write(EntityManager em, Meeting meeting, MeetingJson body);

    /** Removes what the extension stores for a meeting that is deleted. */
    void delete(EntityManager em, Meeting meeting);
}
