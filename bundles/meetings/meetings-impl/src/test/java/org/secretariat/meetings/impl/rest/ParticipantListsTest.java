package org.secretariat.meetings.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.secretariat.meetings.impl.domain.CredentialsKind;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;

/** The CSV list of participants names each participant's credentials by kind (1.2). */
class ParticipantListsTest {

    private static Registration participant(String familyName, Boolean received, CredentialsKind kind, LocalDate on) {
        return new Registration(1L, DelegationKind.STATE, "NO", "Norway", ProtocolGroup.STATE_PARTY, null, "Ann", familyName, null, null,
                ParticipantRole.DELEGATE, RegistrationStatus.APPROVED, received, kind, on, null, null, false, Instant.EPOCH, 1, null);
    }

    @Test
    void theCsvHasTheKindAndTheDay() {
        String csv = ParticipantLists.csv(List.of(participant("Berg", true, CredentialsKind.NOTE_VERBALE, LocalDate.of(2011, 9, 12)),
                participant("Dahl", true, null, null), participant("Lie", false, null, null)));
        List<String> lines = csv.lines().toList();
        assertEquals("Group,Delegation,Title,\"Given name\",\"Family name\",Position,Role,Status,Credentials,\"Credentials received on\"",
                lines.get(0));
        assertEquals("\"States Parties\",Norway,,Ann,Berg,,DELEGATE,APPROVED,NOTE_VERBALE,2011-09-12", lines.get(1));
        assertEquals("\"States Parties\",Norway,,Ann,Dahl,,DELEGATE,APPROVED,UNKNOWN_KIND,", lines.get(2));
        assertEquals("\"States Parties\",Norway,,Ann,Lie,,DELEGATE,APPROVED,NONE,", lines.get(3));
    }
}
