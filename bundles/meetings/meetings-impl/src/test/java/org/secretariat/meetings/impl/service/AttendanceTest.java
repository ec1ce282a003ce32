package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;

@ExtendWith(TestModule.Shared.class)
class AttendanceTest {

    private final TestModule module;

    AttendanceTest(TestModule module) {
        this.module = module;
    }

    @Test
    void theStatesTakingPartAreThoseWithAnApprovedParticipant() {
        long meetingId = module.meeting("MSP", "Meeting shared among those present", LocalDate.of(2042, 9, 1), LocalDate.of(2042, 9, 3)).id;
        Attendance attendance = new Attendance(module.database.factory());
        approve(meetingId, register(meetingId, DelegationKind.STATE, "NO", "Norway", "Delegate"));
        approve(meetingId, register(meetingId, DelegationKind.STATE, "NO", "Norway", "Ambassador"));
        approve(meetingId, register(meetingId, DelegationKind.STATE, "AT", "Austria", "Delegate"));
        register(meetingId, DelegationKind.STATE, "FR", "France", "Pending delegate");
        approve(meetingId, register(meetingId, DelegationKind.ORGANISATION, null, "ICRC", "Observer"));

        assertEquals(List.of("AT", "NO"), attendance.statesTakingPart(meetingId), "each state once, sorted; pending ones and organisations not");
        assertEquals("Meeting shared among those present", attendance.meeting(meetingId).orElseThrow().title());
        assertTrue(attendance.meeting(987654321L).isEmpty());
        assertEquals(List.of(), attendance.statesTakingPart(987654321L));
    }

    @Test
    void aDecisionIsFoundByItsNumberInTheMeeting() {
        long meetingId = module.meeting("MSP", "Meeting that adopts a budget", LocalDate.of(2042, 9, 1), LocalDate.of(2042, 9, 3)).id;
        module.decisions.add(meetingId, new Decisions.Input(null, "Programme of work", "Adopted.", null, LocalDate.of(2042, 9, 1), null, null, null));
        module.decisions.add(meetingId, new Decisions.Input(null, "Budget for 2043", "Approved.", null, LocalDate.of(2042, 9, 3), null, null, null));
        DecisionLookup lookup = new DecisionLookup(module.database.factory());
        org.secretariat.meetings.api.MeetingDecisions.Decision second = lookup.decision(meetingId, 2).orElseThrow();
        assertEquals("Budget for 2043", second.title());
        assertEquals(LocalDate.of(2042, 9, 3), second.adoptedOn());
        assertTrue(lookup.decision(meetingId, 3).isEmpty());
        assertTrue(lookup.decision(987654321L, 1).isEmpty());
    }

    private Registration register(long meetingId, DelegationKind kind, String iso2, String delegation, String familyName) {
        return module.participants.register(meetingId, new Registration(null, kind, iso2, delegation, null, null, null, familyName, null, null,
                null, null, null, null, null));
    }

    private void approve(long meetingId, Registration pending) {
        module.participants.update(meetingId, pending.id(), new Registration(pending.id(), pending.delegationKind(), pending.stateIso2(),
                pending.delegation(), pending.protocolGroup(), pending.honorific(), pending.givenName(), pending.familyName(),
                pending.positionTitle(), pending.email(), pending.role(), RegistrationStatus.APPROVED, pending.credentialsReceived(),
                pending.registeredAt(), pending.version()));
    }
}
