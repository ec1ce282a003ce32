package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.conflict;
import static org.secretariat.contacts.impl.service.Refusals.invalid;
import static org.secretariat.contacts.impl.service.Refusals.notFound;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationsTest {

    private final Directory directory = new Directory();
    private final Organisations organisations = directory.organisations;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static OrganisationDto organisation(String name, String acronym, OrganisationType type, String stateIso2) {
        return new OrganisationDto(null, name, acronym, type, stateIso2, null, null, null, null, null);
    }

    private static PageRequest page(String page, String size, String sort) {
        return PageRequest.parse(page, size, sort, Organisations.SORTABLE, "name");
    }

    @Test
    void createdOrganisationsAreReadBackWithTheStateCodeInUpperCase() {
        OrganisationDto created = organisations.create(new OrganisationDto(null, "  Comité national du Mali ", null,
                OrganisationType.GOVERNMENT_MINISTRY, "ml", "https://example.org", "info@example.org", null, null, null));
        assertNotNull(created.id());
        assertEquals("Comité national du Mali", created.name(), "trimmed");
        assertEquals("ML", created.stateIso2());
        assertEquals(created, organisations.get(created.id()));
        assertEquals("Comité national du Mali", directory.contactBook.organisation(created.id()).orElseThrow().name());
    }

    @Test
    void eachFieldIsCheckedAndNamed() {
        invalid("name", () -> organisations.create(null));
        invalid("name", () -> organisations.create(organisation(" ", null, OrganisationType.NGO, null)));
        invalid("acronym", () -> organisations.create(organisation("CMC", "x".repeat(41), OrganisationType.NGO, null)));
        invalid("type", () -> organisations.create(organisation("CMC", null, null, null)));
        assertEquals("unknown state 'XX' (ISO 3166-1 alpha-2 code)",
                invalid("stateIso2", () -> organisations.create(organisation("CMC", null, OrganisationType.NGO, "XX"))).getMessage());
        invalid("stateIso2", () -> organisations.create(organisation("CMC", null, OrganisationType.NGO, "FRA")));
        invalid("website", () -> organisations.create(new OrganisationDto(null, "CMC", null, OrganisationType.NGO, null, "ftp://x", null,
                null, null, null)));
        invalid("email", () -> organisations.create(new OrganisationDto(null, "CMC", null, OrganisationType.NGO, null, null, "nobody",
                null, null, null)));
        assertEquals(0, organisations.list(null, null, page(null, null, null)).getTotal(), "nothing half-created");
    }

    @Test
    void anUpdateCarriesTheVersionRead() {
        OrganisationDto created = organisations.create(organisation("Cluster Munition Coalition", "CMC", OrganisationType.NGO, null));
        OrganisationDto renamed = organisations.update(created.id(), new OrganisationDto(null, "Cluster Munition Coalition (CMC)", "CMC",
                OrganisationType.NGO, null, null, null, null, null, created.version()));
        assertEquals(created.version() + 1, renamed.version());
        assertEquals("Organisation " + created.id() + " was changed by someone else (now version " + renamed.version() + "); reload and try again",
                conflict(() -> organisations.update(created.id(), new OrganisationDto(null, "Stale", null, OrganisationType.NGO, null, null,
                        null, null, null, created.version()))).getMessage());
        invalid("version", () -> organisations.update(created.id(), organisation("No version", null, OrganisationType.NGO, null)));
        notFound(() -> organisations.update(created.id() + 1000, organisation("Nobody", null, OrganisationType.NGO, null)));
        assertEquals("Cluster Munition Coalition (CMC)", organisations.get(created.id()).name());
    }

    @Test
    void anOrganisationWithPositionsCannotBeDeleted() {
        OrganisationDto coalition = organisations.create(organisation("Cluster Munition Coalition", "CMC", OrganisationType.NGO, null));
        PersonDto person = directory.people.create(new PersonDto(null, null, "Marie", "Dupont", null, null, null, null, null, null, null, null, null,
                null, null));
        PersonDto withPosition = directory.people.addPosition(person.id(), new PositionDto(null, coalition.id(), null, null, "Director",
                LocalDate.of(2020, 1, 1), null));
        assertEquals("Cluster Munition Coalition", withPosition.positions().get(0).organisationName());

        assertTrue(conflict(() -> organisations.delete(coalition.id())).getMessage().contains("1 position(s)"));
        directory.people.removePosition(person.id(), withPosition.positions().get(0).id());
        organisations.delete(coalition.id());
        notFound(() -> organisations.get(coalition.id()));
        assertTrue(directory.contactBook.organisation(coalition.id()).isEmpty());
    }

    @Test
    void listsAreFilteredSortedAndPaged() {
        organisations.create(organisation("United Nations Development Programme", "UNDP", OrganisationType.UN_BODY, null));
        organisations.create(organisation("Handicap International", "HI", OrganisationType.NGO, null));
        organisations.create(organisation("Cluster Munition Coalition", "CMC", OrganisationType.NGO, null));
        organisations.create(organisation("Geneva International Centre for Humanitarian Demining", "GICHD",
                OrganisationType.INTERNATIONAL_ORGANISATION, null));

        assertEquals(List.of("Cluster Munition Coalition", "Geneva International Centre for Humanitarian Demining", "Handicap International",
                "United Nations Development Programme"), names(organisations.list(null, null, page(null, null, null))));
        assertEquals(List.of("United Nations Development Programme", "Handicap International"),
                names(organisations.list(null, null, page("0", "2", "name,desc"))));
        Page<OrganisationDto> second = organisations.list(null, null, page("1", "3", "acronym"));
        assertEquals(4, second.getTotal());
        assertEquals(List.of("United Nations Development Programme"), names(second));
        assertEquals(Set.of("Cluster Munition Coalition", "Handicap International"),
                Set.copyOf(names(organisations.list(OrganisationType.NGO, null, page(null, null, null)))));
        assertEquals(List.of("United Nations Development Programme"), names(organisations.list(null, "undp", page(null, null, null))),
                "by acronym, any case");
        assertEquals(List.of("Geneva International Centre for Humanitarian Demining"),
                names(organisations.list(null, "DÉMINING", page(null, null, null))), "by name, accents and case aside");
    }

    private static List<String> names(Page<OrganisationDto> page) {
        return page.getItems().stream().map(OrganisationDto::name).collect(Collectors.toList());
    }
}
