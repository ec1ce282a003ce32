/**
 * Meetings as other modules see them: the {@link MeetingCalendar} service (upcoming and public
 * meetings, their public documents), the {@link MeetingAttendance} and {@link MeetingDecisions} services (since
 * 1.1: the states that took part in a meeting, a meeting's decision by number) and the Event Admin topics in {@link MeetingEvents}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.meetings.api;
