package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.conflict;
import static org.secretariat.contacts.impl.service.Refusals.invalid;
import static org.secretariat.contacts.impl.service.Refusals.notFound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleTest {

    private final Directory directory = new Directory();
    private final People people = directory.people;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    static PersonDto person(String givenName, String familyName, String email, Boolean consent, String stateIso2) {
        return new PersonDto(null, null, givenName, familyName, null, email, null, stateIso2, null, consent, null, null, null, null, null);
    }

    private static PositionDto position(Long organisationId, String stateIso2, LocalDate start, LocalDate end) {
        return new PositionDto(null, organisationId, null, stateIso2, "Head of delegation", start, end);
    }

    @Test
    void contactDetailsAreKeptOnlyWithConsent() {
        assertTrue(invalid("consent", () -> people.create(person("Marie", "Dupont", "marie@example.org", null, null))).getMessage()
                .startsWith("contact details are kept only with the person's consent"));
        invalid("consent", () -> people.create(new PersonDto(null, null, null, "Dupont", null, null, "+41 22 000 00 00", null, null, false, null, null,
                null, null, null)));
        invalid("email", () -> people.create(person("Marie", "Dupont", "not-an-address", true, null)));
        invalid("familyName", () -> people.create(person("Marie", " ", null, null, null)));
        invalid("stateIso2", () -> people.create(person("Marie", "Dupont", null, null, "XX")));

        PersonDto marie = people.create(person("Marie", "Dupont", "marie@example.org", true, "fr"));
        assertEquals("Marie Dupont", marie.name());
        assertEquals("FR", marie.stateIso2());
        assertEquals(LocalDate.now(), marie.consentDate(), "consent given today unless said otherwise");
        assertEquals(List.of(), marie.positions());
        assertEquals("marie@example.org", directory.contactBook.person(marie.id()).orElseThrow().email());

        PersonDto withdrawn = people.update(marie.id(), new PersonDto(null, null, "Marie", "Dupont", null, null, null, "FR", null, false, null, null,
                null, null, marie.version()));
        assertNull(withdrawn.consentDate());
        assertNull(directory.contactBook.person(marie.id()).orElseThrow().email());
    }

    @Test
    void aPersonPrefersAWorkingLanguage() {
        invalid("language", () -> people.create(new PersonDto(null, null, "Hans", "Müller", null, null, null, null, "de", null, null, null, null,
                null, null)));
        PersonDto marie = people.create(new PersonDto(null, null, "Marie", "Dupont", null, null, null, null, "FR", null, null, null, null, null,
                null));
        assertEquals("fr", marie.language());
        assertNull(people.create(person("Jean", "Martin", null, null, null)).language(), "none: the profile's default");
    }

    @Test
    void anUpdateCarriesTheVersionRead() {
        PersonDto marie = people.create(person("Marie", "Dupont", null, null, null));
        conflict(() -> people.update(marie.id(), new PersonDto(null, null, null, "Durand", null, null, null, null, null, null, null, null, null, null,
                marie.version() + 5)));
        invalid("version", () -> people.update(marie.id(), person(null, "Durand", null, null, null)));
        notFound(() -> people.update(marie.id() + 1000, person(null, "Durand", null, null, null)));
        assertEquals("Dupont", people.get(marie.id()).familyName());
    }

    @Test
    void aPositionIsInAnOrganisationOrADelegationForAPeriod() {
        PersonDto marie = people.create(person("Marie", "Dupont", null, null, null));
        OrganisationDto ministry = directory.organisations.create(new OrganisationDto(null, "Ministère des affaires étrangères", null,
                OrganisationType.GOVERNMENT_MINISTRY, "FR", null, null, null, null, null));

        invalid("title", () -> people.addPosition(marie.id(), null));
        invalid("organisationId", () -> people.addPosition(marie.id(), position(null, " ", null, null)));
        assertEquals("no organisation 999999", invalid("organisationId", () -> people.addPosition(marie.id(), position(999999L, null, null, null)))
                .getMessage());
        invalid("stateIso2", () -> people.addPosition(marie.id(), position(null, "XX", null, null)));
        invalid("endDate", () -> people.addPosition(marie.id(), position(null, "FR", LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1))));
        notFound(() -> people.addPosition(marie.id() + 1000, position(null, "FR", null, null)));

        people.addPosition(marie.id(), position(ministry.id(), null, LocalDate.of(2015, 1, 1), LocalDate.of(2019, 12, 31)));
        PersonDto withPositions = people.addPosition(marie.id(), position(null, "fr", LocalDate.of(2020, 1, 1), null));
        assertEquals(List.of("FR", "Ministère des affaires étrangères"), withPositions.positions().stream()
                .map(p -> p.stateIso2() != null && p.organisationId() == null ? p.stateIso2() : p.organisationName()).collect(Collectors.toList()),
                "latest first");

        long other = people.create(person(null, "Durand", null, null, null)).id();
        notFound(() -> people.removePosition(other, withPositions.positions().get(0).id()));
        people.removePosition(marie.id(), withPositions.positions().get(0).id());
        assertEquals(1, people.get(marie.id()).positions().size());
    }

    @Test
    void aFocalPointOrMandateHolderCannotBeDeletedButPositionsGoWithThePerson() {
        PersonDto marie = people.create(person("Marie", "Dupont", null, null, null));
        people.addPosition(marie.id(), position(null, "FR", null, null));
        FocalPointDto focalPoint = directory.focalPoints.add(new FocalPointDto(null, "FR", marie.id(), null, null, null, null, null));

        assertEquals("Person " + marie.id() + " is a focal point or holds a mandate; remove those first",
                conflict(() -> people.delete(marie.id())).getMessage());
        directory.focalPoints.remove(focalPoint.id());
        people.delete(marie.id());
        notFound(() -> people.get(marie.id()));
        assertTrue(directory.contactBook.person(marie.id()).isEmpty());
    }

    @Test
    void listsFindNamesAndAddressesAndFilterByState() {
        people.create(person("Marie", "Dupont", "marie@example.org", true, "FR"));
        people.create(person("Amadou", "Malick", null, null, "ML"));
        people.create(person(null, "Müller", null, null, "DE"));
        PageRequest byName = PageRequest.parse(null, null, null, People.SORTABLE, "name");

        assertEquals(List.of("Amadou Malick", "Marie Dupont", "Müller"), names(people.list(null, null, byName)));
        assertEquals(List.of("Marie Dupont"), names(people.list("EXAMPLE.org", null, byName)), "by e-mail address");
        assertEquals(List.of("Müller"), names(people.list("MULLER", null, byName)), "accents and case aside");
        assertEquals(List.of("Amadou Malick"), names(people.list(null, "ml", byName)));
        assertEquals(List.of("Marie Dupont", "Amadou Malick"),
                names(people.list(null, null, PageRequest.parse("0", "2", "familyName", People.SORTABLE, "name"))));
        assertNull(people.list(null, null, byName).getItems().get(0).positions(), "a list leaves positions out");
    }

    @Test
    void aWalkByCursorGivesWhatNumberedPagesGiveInEveryOrderWithoutCounting() {
        for (String family : List.of("Dupont", "Dupont", "Dupont", "Malick", "Müller", "Abe", "Zola")) {
            people.create(person("Marie", family, null, null, family.startsWith("M") ? "ML" : "FR"));
        }
        for (String sort : List.of("name", "name,desc", "familyName", "familyName,desc", "id,desc")) {
            for (String state : new String[] {null, "fr"}) {
                List<Long> numbered = people.list(null, state, PageRequest.parse("0", "50", sort, People.SORTABLE, "name")).getItems()
                        .stream().map(PersonDto::id).collect(Collectors.toList());
                List<Long> walked = new ArrayList<>();
                String after = "";
                while (after != null) {
                    Page<PersonDto> page = people.list(null, state, PageRequest.parse(null, "2", sort, after, People.SORTABLE, "name"));
                    assertEquals(Page.UNCOUNTED, page.getTotal());
                    page.getItems().forEach(person -> walked.add(person.id()));
                    after = page.getNext();
                }
                assertEquals(numbered, walked, sort + " of " + state + ": the three Duponts, tied, each once");
            }
        }
        Page<PersonDto> first = people.list("dupont", null, PageRequest.parse("0", "2", null, People.SORTABLE, "name"));
        assertEquals(3, first.getTotal());
        assertEquals(1, people.list("dupont", null, PageRequest.parse(null, "2", null, first.getNext(), People.SORTABLE, "name")).getItems().size(),
                "a numbered page's next continues by cursor, with the same filter");
        assertNull(people.list("dupont", null, PageRequest.parse("1", "2", null, People.SORTABLE, "name")).getNext(), "the last page has none");
    }

    private static List<String> names(Page<PersonDto> page) {
        return page.getItems().stream().map(PersonDto::name).collect(Collectors.toList());
    }
}
