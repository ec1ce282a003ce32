package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.contacts.api.MeetingDelegations;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;

@ExtendWith(TestModule.Shared.class)
class DelegationsTest {

    private final TestModule module;

    DelegationsTest(TestModule module) {
        this.module = module;
    }

    @Test
    void theHeadsOfDelegationAtTheLastMeetingOfATypeThatHasBegun() {
        long earlier = module.meeting("IM", "Intersessional meeting 2077", LocalDate.of(2077, 4, 5), LocalDate.of(2077, 4, 7)).id;
        long last = module.meeting("IM", "Intersessional meeting 2078", LocalDate.of(2078, 4, 4), LocalDate.of(2078, 4, 6)).id;
        module.meeting("IM", "Intersessional meeting 2079", LocalDate.of(2079, 4, 3), LocalDate.of(2079, 4, 5));
        approve(last, register(last, DelegationKind.STATE, "NO", "Norway", "Kari", "Nordmann", "kari@example.org", ParticipantRole.HEAD_OF_DELEGATION));
        approve(last, register(last, DelegationKind.STATE, "NO", "Norway", "Ola", "Nordmann", null, ParticipantRole.DELEGATE));
        approve(last, register(last, DelegationKind.ORGANISATION, null, "ICRC", null, "Dunant", null, ParticipantRole.HEAD_OF_DELEGATION));
        register(last, DelegationKind.STATE, "FR", "France", "Marie", "Dupont", "marie@example.org", ParticipantRole.HEAD_OF_DELEGATION);
        approve(earlier, register(earlier, DelegationKind.STATE, "AT", "Austria", "Alex", "Huber", null, ParticipantRole.HEAD_OF_DELEGATION));
        Delegations delegations = new Delegations(module.database.factory());

        MeetingDelegations.Meeting found = delegations.lastMeeting("IM", LocalDate.of(2078, 12, 31)).orElseThrow();
        assertEquals(last, found.id(), "the latest begun by then, not the one to come");
        assertEquals("Intersessional meeting 2078", found.title());
        assertEquals(List.of("Kari Nordmann", "Dunant"), found.heads().stream().map(MeetingDelegations.Head::name).collect(Collectors.toList()),
                "approved heads only, States before organisations");
        MeetingDelegations.Head norway = found.heads().get(0);
        assertEquals("NO", norway.stateIso2());
        assertEquals("kari@example.org", norway.email());
        assertNull(norway.personId(), "unlinked: no contacts module in this test");
        assertNull(found.heads().get(1).stateIso2());

        assertEquals(earlier, delegations.lastMeeting("IM", LocalDate.of(2078, 4, 3)).orElseThrow().id(), "the day before the next one began");
        assertTrue(delegations.lastMeeting("XX", LocalDate.of(2078, 12, 31)).isEmpty());
        assertTrue(delegations.lastMeeting(null, LocalDate.of(2078, 12, 31)).isEmpty());
    }

    private Registration register(long meetingId, DelegationKind kind, String iso2, String delegation, String givenName, String familyName,
            String email, ParticipantRole role) {
        return module.participants.register(meetingId, new Registration(null, kind, iso2, delegation, null, null, givenName, familyName, null,
                email, role, null, null, null, null));
    }

    private void approve(long meetingId, Registration pending) {
        module.participants.update(meetingId, pending.id(), new Registration(pending.id(), pending.delegationKind(), pending.stateIso2(),
                pending.delegation(), pending.protocolGroup(), pending.honorific(), pending.givenName(), pending.familyName(),
                pending.positionTitle(), pending.email(), pending.role(), RegistrationStatus.APPROVED, pending.credentialsReceived(),
                pending.registeredAt(), pending.version()));
    }
}
