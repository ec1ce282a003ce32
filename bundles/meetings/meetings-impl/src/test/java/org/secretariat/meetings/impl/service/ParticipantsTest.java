package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@ExtendWith(TestModule.Shared.class)
class ParticipantsTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, null, Set.of("protocol"), "protocol");

    private final TestModule module;
    private final long meetingId;

    ParticipantsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private static Registration state(String iso2, String delegation, ProtocolGroup group, String familyName, ParticipantRole role) {
        return new Registration(null, DelegationKind.STATE, iso2, delegation, group, null, null, familyName, null, null, role, null, null,
                null, null);
    }

    private static Registration organisation(String delegation, String familyName) {
        return new Registration(null, DelegationKind.ORGANISATION, null, delegation, null, "Ms", "Ann", familyName, null, "ann@icrc.org",
                ParticipantRole.OBSERVER, null, null, null, null);
    }

    private static List<String> lines(List<Registration> participants) {
        return participants.stream().map(p -> p.protocolGroup() + " " + p.delegation() + " " + p.familyName()).collect(Collectors.toList());
    }

    @Test
    void withoutTheContactsModuleTheRegistrationSaysWhoTheStateIsAndWhereItSits() {
        Participants participants = module.participants;
        participants.register(meetingId, organisation("ICRC", "Observer"));
        participants.register(meetingId, state("no", "Norway", ProtocolGroup.STATE_PARTY, "Delegate", null));
        participants.register(meetingId, state("NO", "Norway", ProtocolGroup.STATE_PARTY, "Ambassador", ParticipantRole.HEAD_OF_DELEGATION));
        participants.register(meetingId, state("AF", "Afghanistan", null, "Delegate", null));
        participants.register(meetingId, state("AT", "Austria", ProtocolGroup.ORGANISATION, "Delegate", null));
        assertEquals(List.of("STATE_PARTY Norway Ambassador", "STATE_PARTY Norway Delegate", "OBSERVER_STATE Afghanistan Delegate",
                "OBSERVER_STATE Austria Delegate", "ORGANISATION ICRC Observer"), lines(participants.list(meetingId, null, FIRST_PAGE).getItems()),
                "groups in protocol order, then delegations by name, heads of delegation first; a state is never an organisation");
        assertRefused(Kind.INVALID, "delegation", "delegation is required",
                () -> participants.register(meetingId, state("FR", null, null, "Delegate", null)));
    }

    @Test
    void withTheContactsModuleStatesAreNamedAndPlacedByTheirTreatyStatusToday() {
        TestModule.States directory = new TestModule.States().with("NO", "Norway", TreatyStatus.STATE_PARTY)
                .with("AF", "Afghanistan", TreatyStatus.NOT_PARTY).with("ID", "Indonesia", TreatyStatus.SIGNATORY);
        Participants participants = module.participantsWith(directory);
        participants.register(meetingId, organisation("ICRC", "Observer"));
        participants.register(meetingId, state("AF", null, null, "Delegate AF", null));
        participants.register(meetingId, state("ID", null, null, "Delegate ID", null));
        Registration norway = participants.register(meetingId, state("no", "Anything", ProtocolGroup.OBSERVER_STATE, "Delegate NO", null));
        assertEquals("Norway", norway.delegation());
        assertEquals(ProtocolGroup.STATE_PARTY, norway.protocolGroup());
        assertRefused(Kind.INVALID, "stateIso2", "unknown state 'ZZ'", () -> participants.register(meetingId, state("ZZ", null, null, "x", null)));
        assertRefused(Kind.INVALID, "stateIso2", "stateIso2 is an ISO 3166-1 alpha-2 code, e.g. NO",
                () -> participants.register(meetingId, state("1A", null, null, "x", null)));

        directory.with("AF", "Afghanistan", TreatyStatus.STATE_PARTY);
        assertEquals(List.of("STATE_PARTY Afghanistan Delegate AF", "STATE_PARTY Norway Delegate NO", "SIGNATORY Indonesia Delegate ID",
                "ORGANISATION ICRC Observer"), lines(participants.list(meetingId, null, FIRST_PAGE).getItems()), "a ratification moves a delegation up");
        assertEquals(List.of("STATE_PARTY Norway Delegate NO", "SIGNATORY Indonesia Delegate ID", "OBSERVER_STATE Afghanistan Delegate AF",
                "ORGANISATION ICRC Observer"), lines(module.participants.list(meetingId, null, FIRST_PAGE).getItems()),
                "once contacts is gone, each state stays where it was registered");
    }

    @Test
    void aRegistrationFollowsTheWorkflow() {
        Registration pending = module.participants.register(meetingId, organisation("ICRC", "Observer"));
        assertEquals(RegistrationStatus.PENDING, pending.status());
        assertEquals(TestModule.TODAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC), pending.registeredAt());
        Registration approved = module.participants.update(meetingId, pending.id(), withStatus(pending, RegistrationStatus.APPROVED));
        assertEquals(RegistrationStatus.APPROVED, approved.status());
        assertRefused(Kind.INVALID, "status", "a registration that is APPROVED can become [PENDING, WITHDRAWN], not REJECTED",
                () -> module.participants.update(meetingId, pending.id(), withStatus(approved, RegistrationStatus.REJECTED)));
        assertRefused(Kind.CONFLICT, null, "Participant " + pending.id() + " was changed by someone else (now version " + approved.version()
                + "); reload and try again", () -> module.participants.update(meetingId, pending.id(), withStatus(pending, RegistrationStatus.WITHDRAWN)));
        assertRefused(Kind.INVALID, "email", "email is not an e-mail address", () -> module.participants.update(meetingId, pending.id(),
                new Registration(null, null, null, null, null, null, null, "Observer", null, "ann@", null, null, null, null, approved.version())));
    }

    private static Registration withStatus(Registration read, RegistrationStatus status) {
        return new Registration(read.id(), read.delegationKind(), read.stateIso2(), read.delegation(), read.protocolGroup(), read.honorific(),
                read.givenName(), read.familyName(), read.positionTitle(), read.email(), read.role(), status, read.credentialsReceived(),
                read.registeredAt(), read.version());
    }

    @Test
    void theListOfParticipantsHasTheMeetingsTitleAndOneStatus() {
        Registration approved = module.participants.register(meetingId, organisation("ICRC", "Approved"));
        module.participants.update(meetingId, approved.id(), withStatus(approved, RegistrationStatus.APPROVED));
        module.participants.register(meetingId, organisation("UNDP", "Pending"));
        Participants.ListOfParticipants list = module.participants.listOf(meetingId, RegistrationStatus.APPROVED);
        assertEquals("Second Meeting of States Parties", list.meetingTitle());
        assertEquals(List.of("ORGANISATION ICRC Approved"), lines(list.participants()));
        assertEquals("Ms Ann Approved", list.participants().get(0).displayName());

        Page<Registration> secondPage = module.participants.list(meetingId, null, PageRequest.parse("1", "1", null, Set.of("protocol"), "protocol"));
        assertEquals(2, secondPage.getTotal());
        assertEquals(List.of("ORGANISATION UNDP Pending"), lines(secondPage.getItems()));
        assertRefused(Kind.NOT_FOUND, null, "No meeting 999999", () -> module.participants.listOf(999999, RegistrationStatus.APPROVED));
    }
}
