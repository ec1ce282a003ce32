package org.secretariat.contacts.impl.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.secretariat.contacts.api.MeetingParticipations;
import org.secretariat.contacts.api.PersonEvents;
import org.secretariat.contacts.api.PersonLookup;
import org.secretariat.contacts.api.PersonLookup.Reason;
import org.secretariat.contacts.impl.domain.GroupKind;
import org.secretariat.contacts.impl.domain.OutreachKind;
import org.secretariat.contacts.impl.groups.GroupDirectory;
import org.secretariat.contacts.impl.groups.GroupDto;
import org.secretariat.contacts.impl.groups.GroupEvaluation;
import org.secretariat.contacts.impl.groups.Groups;
import org.secretariat.contacts.impl.service.Directory;
import org.secretariat.contacts.impl.service.FocalPointDto;
import org.secretariat.contacts.impl.service.OutreachDto;
import org.secretariat.contacts.impl.service.PersonDto;
import org.secretariat.contacts.impl.service.PositionDto;
import org.secretariat.platform.api.domain.DomainException;

/**
 * People as other modules find them (by e-mail, by name and State), people who look like duplicates, a
 * merge moving everything to the person kept in one transaction and telling other modules after it, and a
 * person's meetings through the meetings module when it is there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleLinksTest {

    private final Directory directory = new Directory();
    private final PersonMatching matching = new PersonMatching(directory.database.factory());
    private final List<Event> posted = new ArrayList<>();
    private final PersonMerge merge = new PersonMerge(directory.database.factory(), directory.people, new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("posted, not sent");
        }
    });
    private final Groups groups = new Groups(directory.database.factory(), directory.states, directory.organisations, directory.themes);
    private final GroupDirectory groupDirectory = new GroupDirectory(groups, new GroupEvaluation(directory.database.factory(),
            type -> Optional.empty()));

    @AfterEach
    void clear() {
        directory.clear();
        posted.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private PersonDto person(String givenName, String familyName, String email, String iso2) {
        return directory.people.create(new PersonDto(null, null, givenName, familyName, null, email, null, iso2, null, email != null, null, null,
                null, null, null));
    }

    @Test
    void aPersonIsFoundByTheirAddressAndTheLookAlikesByNameAndState() {
        PersonDto aminata = person("Aminata", "Traoré", "a.traore@gov.ml", "ML");
        person("Aminata", "Traoré", null, "SN");
        assertEquals(aminata.id(), matching.personByEmail(" A.Traore@GOV.ml").orElseThrow().id());
        assertTrue(matching.personByEmail("someone@gov.ml").isEmpty());
        List<PersonLookup.Candidate> found = matching.candidates("TRAORE aminata", null, "ML");
        assertEquals(List.of(aminata.id()), found.stream().map(c -> c.person().id()).collect(Collectors.toList()), "accents, case, order aside; one State");
        assertEquals(List.of(Reason.EMAIL, Reason.NAME_AND_STATE), matching.candidates("Aminata Traoré", "a.traore@gov.ml", "ML").get(0).reasons());
        assertTrue(matching.candidates("Aminata Traoré", null, null).isEmpty(), "a name alone proposes nobody");
        person("Other", "Person", "A.TRAORE@gov.ml", null);
        assertTrue(matching.personByEmail("a.traore@gov.ml").isEmpty(), "two people with one address: a duplicate, not a match");
    }

    @Test
    void duplicatesAreTheSameAddressOrTheSameNameInTheSameState() {
        PersonDto a = person("Jean", "Dupont", "jean@mfa.fr", "FR");
        PersonDto b = person("dupont", "JEAN", null, "FR");
        PersonDto c = person("Marie", "Curie", "JEAN@mfa.fr", null);
        person("Jean", "Dupont", null, "BE");
        List<PersonMatching.Duplicate> duplicates = matching.duplicates();
        assertEquals(List.of(a.id() + "-" + b.id() + " [NAME_AND_STATE]", a.id() + "-" + c.id() + " [EMAIL]"), duplicates.stream()
                .map(d -> d.person().id() + "-" + d.other().id() + " " + d.reasons()).collect(Collectors.toList()));
    }

    @Test
    void aMergeMovesEverythingToThePersonKeptAndTellsOtherModulesAfterCommit() {
        PersonDto kept = person("Jean", "Dupont", null, "FR");
        PersonDto merged = person("Jean", "Dupont", "jean@mfa.fr", "FR");
        directory.people.addPosition(merged.id(), new PositionDto(null, null, null, "FR", "Ambassador", null, null));
        directory.focalPoints.add(new FocalPointDto(null, "FR", merged.id(), null, null, null, null, null));
        directory.outreach.record(new OutreachDto(null, "FR", null, null, merged.id(), null, LocalDate.of(2011, 5, 2), OutreachKind.MEETING,
                "Director", "Talked about the report", null, null, null), "maria");
        GroupDto both = groups.create(new GroupDto(null, "Both", null, GroupKind.STATIC, null, null, null, null, null), "maria");
        GroupDto one = groups.create(new GroupDto(null, "One", null, GroupKind.STATIC, null, null, null, null, null), "maria");
        groups.addMembers(both.id(), List.of(kept.id(), merged.id()), "maria");
        groups.addMembers(one.id(), List.of(merged.id()), "maria");

        PersonDto after = merge.merge(merged.id(), new PersonMerge.Input(kept.id()));
        assertEquals("jean@mfa.fr", after.email(), "the merged person's address, with their consent");
        assertTrue(after.consent());
        assertEquals(List.of("Ambassador"), after.positions().stream().map(PositionDto::title).collect(Collectors.toList()));
        assertEquals(List.of(kept.id()), directory.focalPoints.ofState("FR").stream().map(FocalPointDto::personId)
                .collect(Collectors.toList()));
        assertEquals(1, directory.outreach.list(null, null, kept.id(), org.secretariat.platform.api.rest.PageRequest.parse(null, null, null,
                java.util.Set.of("date"), "date")).getTotal());
        assertEquals(1, groupDirectory.members(both.id(), 0, 10).total(), "in a group once");
        assertEquals(List.of(kept.id()), groupDirectory.members(one.id(), 0, 10).members().stream().map(m -> m.personId())
                .collect(Collectors.toList()));
        assertThrows(DomainException.class, () -> directory.people.get(merged.id()));
        assertEquals(1, posted.size());
        assertEquals(PersonEvents.MERGED, posted.get(0).getTopic());
        assertEquals(merged.id(), posted.get(0).getProperty(PersonEvents.PERSON_ID));
        assertEquals(kept.id(), posted.get(0).getProperty(PersonEvents.INTO_PERSON_ID));
        assertTrue(matching.duplicates().isEmpty());
    }

    @Test
    void aRefusedMergeChangesNothingAndTellsNobody() {
        PersonDto kept = person("Jean", "Dupont", null, "FR");
        assertEquals("into", assertThrows(DomainException.class, () -> merge.merge(kept.id(), new PersonMerge.Input(kept.id()))).field());
        assertEquals("into", assertThrows(DomainException.class, () -> merge.merge(kept.id(), new PersonMerge.Input(null))).field());
        assertEquals("into", assertThrows(DomainException.class, () -> merge.merge(kept.id(), new PersonMerge.Input(987_654L))).field());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> merge.merge(987_654L, new PersonMerge.Input(kept.id()))).kind());
        assertFalse(posted.iterator().hasNext());
        assertEquals(kept.id(), directory.people.get(kept.id()).id());
    }

    @Test
    void aPersonsMeetingsComeFromTheMeetingsModuleWhenItIsThere() {
        PersonDto jean = person("Jean", "Dupont", null, "FR");
        ParticipationHistory without = new ParticipationHistory(directory.people, null);
        assertFalse(without.of(jean.id()).available());
        assertEquals("the meetings module is not installed", without.of(jean.id()).reason());
        MeetingParticipations.Participation msp = new MeetingParticipations.Participation(7, "Second Meeting of States Parties", "MSP",
                LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16), "France", "FR", "DELEGATE", "Adviser", "APPROVED");
        ParticipationHistory with = new ParticipationHistory(directory.people, personId -> personId == jean.id() ? List.of(msp) : List.of());
        assertEquals(List.of(msp), with.of(jean.id()).items());
        assertThrows(DomainException.class, () -> with.of(987_654L));
    }
}
