package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.FIRST_PAGE;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.api.MeetingRegistrations.Delegate;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.mail.Mail;

/** meetings-api 1.3: another module registers approved (sponsored) participants, once per key. */
@ExtendWith(TestModule.Shared.class)
class ExternalRegistrationsTest {

    private final TestModule module;
    private final long meetingId;
    private final ExternalRegistrations registrations;

    ExternalRegistrationsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
        this.registrations = new ExternalRegistrations(module.database.factory(), module.participants, module.clock);
    }

    private static Delegate sponsoredDelegate(String familyName, String email) {
        return new Delegate("LA", "Lao People's Democratic Republic", "Souk", familyName, email, "fr", "Director, mine action", null, true);
    }

    private Registration participant(long id) {
        return module.participants.list(meetingId, null, FIRST_PAGE).getItems().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aSponsoredDelegateIsRegisteredApprovedAndWrittenTo() {
        long id = registrations.register(meetingId, "sponsorship:application:1", sponsoredDelegate("Phommachanh", "souk@mofa.gov.la"));

        Registration registered = participant(id);
        assertEquals(RegistrationStatus.APPROVED, registered.status());
        assertEquals(Boolean.TRUE, registered.sponsored());
        assertEquals(ParticipantRole.DELEGATE, registered.role(), "a delegate unless the caller says otherwise");
        assertEquals("LA", registered.stateIso2());
        assertEquals("Lao People's Democratic Republic", registered.delegation());
        assertEquals("Director, mine action", registered.positionTitle());
        List<Mail> mails = module.mailer.committed().stream().filter(m -> m.to().equals("souk@mofa.gov.la")).toList();
        assertEquals(1, mails.size(), "the approval e-mail, as when the unit approves");
        assertEquals("fr", mails.get(0).language());
        assertEquals("participant-approved", mails.get(0).template());
    }

    @Test
    void theSameKeyRegistersOnce() {
        long first = registrations.register(meetingId, "sponsorship:application:2", sponsoredDelegate("Vongsa", null));
        long again = registrations.register(meetingId, "sponsorship:application:2", sponsoredDelegate("Someone else", null));
        assertEquals(first, again);
        assertEquals("Vongsa", participant(first).familyName(), "a repeated call changes nothing");
        long count = module.participants.list(meetingId, null, FIRST_PAGE).getItems().stream().filter(p -> p.familyName().equals("Vongsa")).count();
        assertEquals(1, count);

        long otherMeeting = module.pastMeeting();
        assertRefused(Kind.CONFLICT, null, "the key sponsorship:application:2 registered a participant of meeting " + meetingId
                + ", not of meeting " + otherMeeting, () -> registrations.register(otherMeeting, "sponsorship:application:2",
                        sponsoredDelegate("Vongsa", null)));
    }

    @Test
    void aParticipantRegisteredByTheUnitIsNotSponsored() {
        Registration typed = module.participants.register(meetingId, new Registration(null, DelegationKind.ORGANISATION, null, "ICRC", null,
                null, null, "Dupont", null, null, null, null, null, null, null));
        assertEquals(Boolean.FALSE, participant(typed.id()).sponsored());
        long unsponsored = registrations.register(meetingId, "other:1", new Delegate(null, "UNDP", null, "Moreau", null, null, null, "OBSERVER",
                false));
        Registration observer = participant(unsponsored);
        assertEquals(Boolean.FALSE, observer.sponsored());
        assertEquals(ProtocolGroup.ORGANISATION, observer.protocolGroup());
        assertEquals(ParticipantRole.OBSERVER, observer.role());
    }

    @Test
    void refusalsNameTheFieldAtFault() {
        assertRefused(Kind.NOT_FOUND, null, "No meeting 987654321", () -> registrations.register(987654321L, "sponsorship:application:9",
                sponsoredDelegate("Keo", null)));
        assertRefused(Kind.INVALID, "externalKey", "externalKey is required", () -> registrations.register(meetingId, " ",
                sponsoredDelegate("Keo", null)));
        assertRefused(Kind.INVALID, "familyName", "familyName is required", () -> registrations.register(meetingId, "sponsorship:application:10",
                sponsoredDelegate(null, null)));
        assertRefused(Kind.INVALID, "role", "role is HEAD_OF_DELEGATION, DELEGATE, ADVISER or OBSERVER, not 'CHAIR'",
                () -> registrations.register(meetingId, "sponsorship:application:11", new Delegate("LA", "Laos", null, "Keo", null, null, null,
                        "CHAIR", true)));
        assertRefused(Kind.INVALID, "email", "email is not an e-mail address", () -> registrations.register(meetingId,
                "sponsorship:application:12", sponsoredDelegate("Keo", "keo@")));
        assertFalse(module.participants.list(meetingId, null, FIRST_PAGE).getItems().stream().anyMatch(p -> p.familyName().equals("Keo")),
                "nothing registered by a refused call");
    }

    @Test
    void aStateIsNamedByTheContactsModuleWhenItIsInstalled() {
        Participants withContacts = module.participantsWith(new TestModule.States().with("LA", "Lao PDR", TreatyStatus.STATE_PARTY));
        ExternalRegistrations named = new ExternalRegistrations(module.database.factory(), withContacts, module.clock);
        long id = named.register(meetingId, "sponsorship:application:20", sponsoredDelegate("Inthavong", null));
        assertEquals("Lao PDR", participant(id).delegation());
        assertEquals(ProtocolGroup.STATE_PARTY, participant(id).protocolGroup());
    }

    @Test
    void aWithdrawnAwardWithdrawsTheParticipant() {
        long id = registrations.register(meetingId, "sponsorship:application:30", sponsoredDelegate("Sisavath", null));
        assertTrue(registrations.withdraw("sponsorship:application:30"));
        assertEquals(RegistrationStatus.WITHDRAWN, participant(id).status());
        assertTrue(registrations.withdraw("sponsorship:application:30"), "again: harmless");
        assertFalse(registrations.withdraw("sponsorship:application:never"));
    }
}
