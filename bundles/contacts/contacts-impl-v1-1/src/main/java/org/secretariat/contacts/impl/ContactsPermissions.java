package org.secretariat.contacts.impl;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/**
 * The contacts module's permissions. Treaty status is public knowledge and every staff member reads
 * it; people's contact details are personal data, so consultants do not see them (nor groups and
 * mailings) unless an administrator grants it.
 */
@Component
public class ContactsPermissions implements PermissionDeclaration {

    public static final String STATE_READ = "contacts.state.read";
    public static final String STATE_WRITE = "contacts.state.write";
    public static final String CONTACT_READ = "contacts.contact.read";
    public static final String CONTACT_WRITE = "contacts.contact.write";
    public static final String OUTREACH_READ = "contacts.outreach.read";
    public static final String OUTREACH_WRITE = "contacts.outreach.write";
    public static final String GROUP_READ = "contacts.group.read";
    public static final String GROUP_WRITE = "contacts.group.write";
    public static final String MAILING_READ = "contacts.mailing.read";
    public static final String MAILING_SEND = "contacts.mailing.send";

    @Override
    public String module() {
        return "contacts";
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> staff = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        return List.of(
                new Permission(STATE_READ, "See states and their treaty status", EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR,
                        Role.SPECIALIST, Role.ASSISTANT, Role.CONSULTANT)),
                new Permission(STATE_WRITE, "Change a state's treaty status and import status tables", staff),
                new Permission(CONTACT_READ, "See organisations, people, focal points and mandates", staff),
                new Permission(CONTACT_WRITE, "Change organisations, people, focal points and mandates", staff),
                new Permission(OUTREACH_READ, "See the universalization outreach log", staff),
                new Permission(OUTREACH_WRITE, "Record universalization outreach", staff),
                new Permission(GROUP_READ, "See groups of people and who is in them", staff),
                new Permission(GROUP_WRITE, "Make, change and remove groups of people, and add people to them", staff),
                new Permission(MAILING_READ, "See the mailings sent to groups and what became of each recipient", staff),
                // Writing to many people at once in the unit's name is for those who answer for what it says.
                new Permission(MAILING_SEND, "Try and send mailings to groups", EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST)));
    }
}
