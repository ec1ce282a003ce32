/**
 * The directory every module shares: states and their status toward the convention, organisations
 * and people, and (since 1.1) groups of people. Other modules use {@link StateDirectory},
 * {@link ContactDirectory} and {@link ContactGroups} through optional references and keep working when the
 * contacts module is not installed; the meetings module offers {@link MeetingDelegations} (1.1), which
 * groups of heads of delegation are evaluated through, and {@link MeetingParticipations} (1.1), a person's
 * history; {@link PersonLookup} (1.1) finds the person a participant is, and {@link PersonEvents} (1.1) says
 * when two people were merged. 1.1 only adds types: the interfaces of 1.0 are
 * unchanged, so the contacts module's release 1.0.0 still provides them on this version.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.secretariat.contacts.api;
