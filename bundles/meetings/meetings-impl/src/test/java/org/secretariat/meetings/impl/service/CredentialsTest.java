package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;

import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.persistence.Transactions;

/** Credentials by kind (1.2): what a change sends, what 1.1's flag reads as, and the credentials report. */
@ExtendWith(TestModule.Shared.class)
class CredentialsTest {

    private final TestModule module;
    private final long meetingId;

    CredentialsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private Registration register(String iso2, String delegation, String familyName) {
        return module.participants.register(meetingId, new Registration(null, DelegationKind.STATE, iso2, delegation, ProtocolGroup.STATE_PARTY,
                null, null, familyName, null, null, null, null, null, null, null));
    }

    /** The participant as read, with the credentials and status given. */
    private Registration change(Registration read, Boolean received, CredentialsKind kind, LocalDate on, RegistrationStatus status) {
        return module.participants.update(meetingId, read.id(), new Registration(read.id(), null, null, null, null, read.honorific(),
                read.givenName(), read.familyName(), read.positionTitle(), read.email(), read.role(), status, received, kind, on, read.language(),
                read.accessibilityNeeds(), null, null, read.version(), null));
    }

    @Test
    void aKindMeansReceivedOnTheDaySentOrToday() {
        Registration none = register("NO", "Norway", "Berg");
        assertFalse(none.credentialsReceived());
        assertEquals(Participants.NONE, none.credentialsLabel());

        Registration copy = change(none, null, CredentialsKind.COPY, null, null);
        assertTrue(copy.credentialsReceived());
        assertEquals(CredentialsKind.COPY, copy.credentialsKind());
        assertEquals(TestModule.TODAY, copy.credentialsReceivedOn(), "received today when no day is sent");

        Registration original = change(copy, true, CredentialsKind.ORIGINAL, LocalDate.of(2011, 9, 12), null);
        assertEquals(CredentialsKind.ORIGINAL, original.credentialsKind());
        assertEquals(LocalDate.of(2011, 9, 12), original.credentialsReceivedOn());

        Registration keptByAnOlderClient = change(original, true, null, null, null);
        assertEquals(CredentialsKind.ORIGINAL, keptByAnOlderClient.credentialsKind(), "a client of 1.1 sends no kind: the kind stays");
        assertEquals(LocalDate.of(2011, 9, 12), keptByAnOlderClient.credentialsReceivedOn());

        assertRefused(Kind.INVALID, "credentialsReceivedOn", "credentialsReceivedOn is in the future",
                () -> change(keptByAnOlderClient, true, CredentialsKind.COPY, TestModule.TODAY.plusDays(1), null));
        assertRefused(Kind.INVALID, "credentialsReceived", "credentialsReceived is false while credentialsKind is COPY: send true, or no "
                + "credentialsKind to clear the credentials", () -> change(keptByAnOlderClient, false, CredentialsKind.COPY, null, null));

        Registration cleared = change(keptByAnOlderClient, false, null, null, null);
        assertFalse(cleared.credentialsReceived());
        assertNull(cleared.credentialsKind());
        assertNull(cleared.credentialsReceivedOn());
    }

    @Test
    void credentialsRecordedBefore12ReadAsReceivedOfUnknownKind() {
        Registration legacy = register("FR", "France", "Martin");
        // As 1.1 leaves a row: the flag set, no kind, no day.
        Transactions.inTransaction(module.database.factory(), em -> em.createNativeQuery(
                "UPDATE MEETINGS_PARTICIPANT SET CREDENTIALS_RECEIVED = TRUE WHERE ID = " + legacy.id()).executeUpdate());
        Registration read = module.participants.list(meetingId, null, Refusals.FIRST_PAGE).getItems().stream()
                .filter(p -> p.id().equals(legacy.id())).findFirst().orElseThrow();
        assertTrue(read.credentialsReceived());
        assertNull(read.credentialsKind());
        assertEquals(Participants.UNKNOWN_KIND, read.credentialsLabel());

        // A rollback to 1.1 that clears the flag leaves the kind in its column: the flag wins.
        Registration known = change(read, true, CredentialsKind.NOTE_VERBALE, null, null);
        Transactions.inTransaction(module.database.factory(), em -> em.createNativeQuery(
                "UPDATE MEETINGS_PARTICIPANT SET CREDENTIALS_RECEIVED = FALSE WHERE ID = " + known.id()).executeUpdate());
        Registration clearedBy11 = module.participants.list(meetingId, null, Refusals.FIRST_PAGE).getItems().stream()
                .filter(p -> p.id().equals(legacy.id())).findFirst().orElseThrow();
        assertFalse(clearedBy11.credentialsReceived());
        assertNull(clearedBy11.credentialsKind());
        assertEquals(Participants.NONE, clearedBy11.credentialsLabel());
    }

    @Test
    void theReportGivesEachDelegationItsStrongestCredentials() {
        Registration head = register("NO", "Norway", "Berg");
        Registration adviser = register("NO", "Norway", "Dahl");
        Registration austria = register("AT", "Austria", "Huber");
        Registration chile = register("CL", "Chile", "Soto");
        Registration mali = register("ML", "Mali", "Traoré");
        change(head, null, CredentialsKind.NOTE_VERBALE, null, RegistrationStatus.APPROVED);
        change(adviser, null, CredentialsKind.ORIGINAL, null, RegistrationStatus.APPROVED);
        change(austria, null, CredentialsKind.COPY, null, RegistrationStatus.APPROVED);
        change(chile, null, null, null, RegistrationStatus.APPROVED);
        change(mali, null, CredentialsKind.COPY, null, null);

        CredentialsReports.CredentialsReport report = module.credentials.credentials(meetingId, RegistrationStatus.APPROVED);
        assertEquals(List.of("Austria COPY", "Chile NONE", "Norway ORIGINAL"), report.delegations().stream()
                .map(d -> d.delegation() + " " + d.credentials()).collect(Collectors.toList()), "approved participants only, by delegation");
        assertEquals(List.of("Berg NOTE_VERBALE", "Dahl ORIGINAL"), report.delegations().get(2).participants().stream()
                .map(p -> p.name() + " " + p.credentials()).collect(Collectors.toList()));
        assertEquals(Map.of("ORIGINAL", 1, "COPY", 1, "NOTE_VERBALE", 0, "UNKNOWN_KIND", 0, "NONE", 1), report.totals());
        assertEquals(ParticipantRole.DELEGATE, report.delegations().get(0).participants().get(0).role());
        assertEquals(List.of("Mali COPY"), module.credentials.credentials(meetingId, RegistrationStatus.PENDING).delegations().stream()
                .map(d -> d.delegation() + " " + d.credentials()).collect(Collectors.toList()));
    }
}
