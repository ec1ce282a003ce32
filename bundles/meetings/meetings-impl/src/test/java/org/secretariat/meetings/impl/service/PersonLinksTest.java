package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.event.Event;
import org.secretariat.contacts.api.ContactDirectory;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.api.MeetingParticipations;
import org.secretariat.contacts.api.PersonEvents;
import org.secretariat.contacts.api.PersonLookup;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.people.MergedPeople;
import org.secretariat.meetings.impl.people.Participations;
import org.secretariat.meetings.impl.people.PersonLinks;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.domain.DomainException.Kind;

/**
 * Participants linked to the contacts module's people: by e-mail when registered or when their address
 * changes, by staff from the proposals (the same name and State), relinked on a merge; the history of a
 * person; nothing of it without the contacts module.
 */
@ExtendWith(TestModule.Shared.class)
class PersonLinksTest {

    private final TestModule module;
    private final People people = new People();
    private final PersonLinks links;
    private final Participants participants;
    private final long meetingId;

    PersonLinksTest(TestModule module) {
        this.module = module;
        links = new PersonLinks(module.database.factory(), module.clock, people, people);
        participants = new Participants(module.database.factory(), module.meetings, module.notices, links, module.clock,
                new TestModule.States().with("NO", "Norway", TreatyStatus.STATE_PARTY).with("ML", "Mali", TreatyStatus.SIGNATORY));
        meetingId = module.meeting("MSP", "Meeting " + System.nanoTime(), LocalDate.of(2011, 11, 1), LocalDate.of(2011, 11, 4)).id;
    }

    private Registration register(long meeting, String iso2, String givenName, String familyName, String email) {
        return participants.register(meeting, new Registration(null, DelegationKind.STATE, iso2, null, null, null, givenName, familyName,
                "Ambassador", email, ParticipantRole.HEAD_OF_DELEGATION, null, null, null, null));
    }

    @Test
    void aParticipantWithAPersonsAddressIsLinkedWhenRegisteredOrWhenTheAddressChanges() {
        long kari = people.add("Kari Berg", "NO", "kari.berg@mfa.no");
        Registration linked = register(meetingId, "NO", "Kari", "Berg", "Kari.Berg@MFA.no ");
        assertEquals(kari, linked.personId(), "the same address, whatever its case");
        Registration other = register(meetingId, "NO", "Ola", "Berg", "ola@mfa.no");
        assertNull(other.personId());
        long ola = people.add("Ola Berg", "NO", "ola.berg@mfa.no");
        Registration changed = participants.update(meetingId, other.id(), new Registration(other.id(), null, null, null, null, null, "Ola",
                "Berg", null, "ola.berg@mfa.no", ParticipantRole.DELEGATE, null, null, null, other.version()));
        assertEquals(ola, changed.personId(), "linked once the address is a person's");
        assertNull(new Participants(module.database.factory(), module.meetings, module.notices, module.clock, null)
                .register(meetingId, new Registration(null, DelegationKind.ORGANISATION, null, "ICRC", null, null, null, "Berg", null,
                        "kari.berg@mfa.no", null, null, null, null, null)).personId(), "without the contacts module: unlinked");
    }

    @Test
    void similarNamesInTheSameStateAreProposedAndStaffAcceptOrTurnThemDown() {
        long aminata = people.add("Aminata Traoré", "ML", null);
        Registration a = register(meetingId, "ML", "TRAORE", "aminata", "a.traore@example.org");
        Registration b = register(meetingId, "NO", "Aminata", "Traoré", null);
        assertNull(a.personId());
        PersonLinks.Proposal proposal = links.proposals().items().stream().filter(p -> p.participantId() == a.id()).findFirst().orElseThrow();
        assertEquals(List.of(aminata), proposal.candidates().stream().map(PersonLinks.Candidate::personId).collect(Collectors.toList()));
        assertEquals(List.of(PersonLookup.Reason.NAME_AND_STATE), proposal.candidates().get(0).reasons());
        assertFalse(links.proposals().items().stream().anyMatch(p -> p.participantId() == b.id()), "another State: no proposal");

        PersonLinks.Linked rejected = links.decide(meetingId, a.id(), new PersonLinks.Decision(aminata, true));
        assertTrue(rejected.rejected());
        assertFalse(links.proposals().items().stream().anyMatch(p -> p.participantId() == a.id()), "turned down: not proposed again");
        PersonLinks.Linked accepted = links.decide(meetingId, a.id(), new PersonLinks.Decision(aminata, null));
        assertEquals(aminata, accepted.personId());
        assertEquals("Aminata Traoré", accepted.personName());

        assertRefused(Kind.INVALID, "personId", "no person 999999 in contacts",
                () -> links.decide(meetingId, a.id(), new PersonLinks.Decision(999_999L, null)));
        long other = module.pastMeeting();
        assertRefused(Kind.NOT_FOUND, null, "No participant " + a.id() + " in meeting " + other,
                () -> links.decide(other, a.id(), new PersonLinks.Decision(aminata, null)));
        PersonLinks without = new PersonLinks(module.database.factory(), module.clock, null, null);
        assertFalse(without.proposals().available());
        assertRefused(Kind.CONFLICT, "personId", "personId cannot be linked: the contacts module is not installed",
                () -> without.decide(meetingId, a.id(), new PersonLinks.Decision(aminata, null)));
    }

    @Test
    void aPersonsHistoryAndAMergeRelinks() {
        long older = module.meeting("MSP", "First " + System.nanoTime(), LocalDate.of(2010, 11, 9), LocalDate.of(2010, 11, 12)).id;
        long person = people.add("Jon Snow", "NO", "jon@mfa.no");
        long twin = people.add("Jon Snow (2)", "NO", "jon.snow@mfa.no");
        Registration first = register(older, "NO", "Jon", "Snow", "jon@mfa.no");
        Registration second = register(meetingId, "NO", "Jon", "Snow", "jon.snow@mfa.no");
        assertEquals(twin, second.personId());
        participants.update(older, first.id(), new Registration(first.id(), null, null, null, null, null, "Jon", "Snow", "Ambassador",
                "jon@mfa.no", ParticipantRole.HEAD_OF_DELEGATION, RegistrationStatus.APPROVED, null, null, first.version()));
        Participations history = new Participations(module.database.factory());
        List<MeetingParticipations.Participation> his = history.participations(person);
        assertEquals(1, his.size());
        assertEquals(older, his.get(0).meetingId());
        assertEquals("HEAD_OF_DELEGATION", his.get(0).role());
        assertEquals("Ambassador", his.get(0).function());
        assertEquals("APPROVED", his.get(0).status());
        assertEquals("Norway", his.get(0).delegation());

        new MergedPeople(links).handleEvent(new Event(PersonEvents.MERGED, Map.of(PersonEvents.PERSON_ID, twin, PersonEvents.INTO_PERSON_ID,
                person)));
        assertEquals(List.of(meetingId, older), history.participations(person).stream().map(MeetingParticipations.Participation::meetingId)
                .collect(Collectors.toList()), "the latest meeting first, both now his");
        assertTrue(history.participations(twin).isEmpty());
    }

    @Test
    void linkingByEmailTakesTheParticipantsRegisteredBeforeThePerson() {
        Registration early = register(meetingId, "NO", "Liv", "Dahl", "liv.dahl@mfa.no");
        assertNull(early.personId());
        long liv = people.add("Liv Dahl", "NO", "liv.dahl@mfa.no");
        PersonLinks.Relinked relinked = links.linkByEmail();
        assertTrue(relinked.linked() >= 1);
        assertEquals(liv, participants.list(meetingId, null, org.secretariat.platform.api.rest.PageRequest.parse(null, "500", null,
                java.util.Set.of("protocol"), "protocol")).getItems().stream().filter(r -> r.id().equals(early.id())).findFirst().orElseThrow()
                .personId());
    }

    /** The contacts module's people, as given (e-mail addresses with consent). */
    static final class People implements PersonLookup, ContactDirectory {
        private final List<ContactSummary> people = new ArrayList<>();
        private long next = 5000;

        long add(String name, String iso2, String email) {
            long id = next++;
            people.add(new ContactSummary(ContactSummary.Kind.PERSON, id, name, email, iso2));
            return id;
        }

        private static String key(String name) {
            String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
            return java.util.Arrays.stream(plain.split("\\s+")).sorted().collect(Collectors.joining(" "));
        }

        @Override
        public Optional<ContactSummary> personByEmail(String email) {
            return people.stream().filter(p -> p.email() != null && p.email().equalsIgnoreCase(email.strip())).findFirst();
        }

        @Override
        public List<Candidate> candidates(String name, String email, String stateIso2) {
            return people.stream().filter(p -> stateIso2 != null && stateIso2.equals(p.stateIso2()) && key(p.name()).equals(key(name)))
                    .map(p -> new Candidate(p, List.of(Reason.NAME_AND_STATE))).collect(Collectors.toList());
        }

        @Override
        public Optional<ContactSummary> organisation(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<ContactSummary> person(long id) {
            return people.stream().filter(p -> p.id() == id).findFirst();
        }

        @Override
        public List<ContactSummary> search(String text, int limit) {
            return List.of();
        }

        @Override
        public List<ContactSummary> focalPoints(String iso2, String theme) {
            return List.of();
        }

        @Override
        public List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf) {
            return List.of();
        }
    }
}
