/**
 * Meetings as other modules see them: the {@link MeetingCalendar} service (upcoming and public
 * meetings, their public documents) and the Event Admin topics in {@link MeetingEvents}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.meetings.api;
