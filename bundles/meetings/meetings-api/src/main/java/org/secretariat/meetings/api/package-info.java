/**
 * Meetings as other modules see them: the {@link MeetingCalendar} service (upcoming and public
 * meetings, their public documents; since 1.2 also one public meeting, all of them, a public meeting's
 * agenda, one public document, the latest and a search of them, and a public document's file), the
 * {@link MeetingAttendance} and {@link MeetingDecisions} services (since 1.1: the states that took part
 * in a meeting, a meeting's decision by number), the {@link MeetingRegistrations} service (since 1.3:
 * another module registers an approved participant, e.g. a sponsored delegate) and the Event Admin
 * topics in {@link MeetingEvents}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.secretariat.meetings.api;
