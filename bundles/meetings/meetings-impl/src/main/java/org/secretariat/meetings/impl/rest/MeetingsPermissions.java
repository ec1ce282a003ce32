package org.secretariat.meetings.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.meetings.impl.service.Meetings;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The meetings module's permissions. Participants' details are personal data (not for consultants by
 * default); making a document public is the Director's and the Specialist's call.
 */
@Component
public class MeetingsPermissions implements PermissionDeclaration {

    static final String MEETING_READ = "meetings.meeting.read";
    static final String MEETING_WRITE = "meetings.meeting.write";
    static final String PARTICIPANT_READ = "meetings.participant.read";
    static final String PARTICIPANT_WRITE = "meetings.participant.write";
    static final String DOCUMENT_WRITE = "meetings.document.write";
    static final String DOCUMENT_PUBLISH = "meetings.document.publish";
    static final String REMINDERS_RUN = "meetings.reminders.run";

    @Override
    public String module() {
        return Meetings.MODULE;
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> staff = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        return List.of(
                new Permission(MEETING_READ, "See meetings, agendas, documents, decisions, records and actions",
                        EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT, Role.CONSULTANT)),
                new Permission(MEETING_WRITE, "Change meetings, agendas, programmes, decisions, records and actions", staff),
                new Permission(PARTICIPANT_READ, "See registered participants", staff),
                new Permission(PARTICIPANT_WRITE, "Register participants and decide on registrations", staff),
                new Permission(DOCUMENT_WRITE, "Create documents and upload their files", staff),
                new Permission(DOCUMENT_PUBLISH, "Make a document public and issue it", EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST)),
                new Permission(REMINDERS_RUN, "Run the reminders of follow-up actions now (the daily job)", EnumSet.of(Role.ADMINISTRATOR)));
    }
}
