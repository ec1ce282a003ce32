package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.secretariat.contacts.impl.service.PeopleTest.person;
import static org.secretariat.contacts.impl.service.Refusals.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    private final Directory directory = new Directory();
    private final Search search = directory.search;

    /** The tests only read, so these contacts serve them all. */
    @BeforeAll
    void someContacts() {
        directory.organisations.create(new OrganisationDto(null, "Comité national du Mali", "CNM", OrganisationType.GOVERNMENT_MINISTRY, "ML",
                null, null, null, null, null));
        directory.organisations.create(new OrganisationDto(null, "Somali Mine Action", "SMA", OrganisationType.NGO, "SO", null, null, null,
                null, null));
        directory.people.create(person("Amadou", "Malick", null, null, "ML"));
        directory.people.create(person("Marie", "Dupont", "marie@example.org", true, "FR"));
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static PageRequest page(int page, int size) {
        return PageRequest.parse(String.valueOf(page), String.valueOf(size), null, Set.of("name"), "name");
    }

    @Test
    void statesThenOrganisationsThenPeopleInOnePagedList() {
        Page<SearchHit> all = search.search("mali", page(0, 50));
        assertEquals(List.of("STATE:ML:Mali", "STATE:SO:Somalia", "ORGANISATION:ML:Comité national du Mali", "ORGANISATION:SO:Somali Mine Action",
                "PERSON:ML:Amadou Malick"), describe(all));
        assertEquals(5, all.getTotal());
        assertNull(all.getItems().get(0).id());

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            Page<SearchHit> twoByTwo = search.search("MALI", page(page, 2));
            assertEquals(5, twoByTwo.getTotal());
            paged.addAll(describe(twoByTwo));
        }
        assertEquals(describe(all), paged, "each page starts where the one before ended, across kinds");
        assertEquals(List.of(), describe(search.search("mali", page(3, 2))));
    }

    @Test
    void statesAreFoundByTheirNameInAnyStoredLanguageAndShownInEnglish() {
        assertEquals(List.of("STATE:DE:Germany"), describe(search.search("allemagne", page(0, 50))));
    }

    @Test
    void aSearchNeedsTwoCharacters() {
        assertEquals("q needs at least 2 characters", invalid("q", () -> search.search(" m ", page(0, 50))).getMessage());
        invalid("q", () -> search.search(null, page(0, 50)));
    }

    @Test
    void otherModulesFindOrganisationsAndPeopleByName() {
        assertEquals(List.of("Amadou Malick", "Comité national du Mali", "Somali Mine Action"),
                directory.contactBook.search("mali", 10).stream().map(ContactSummary::name).collect(Collectors.toList()));
        assertEquals(2, directory.contactBook.search("mali", 2).size());
        assertEquals(List.of("Somali Mine Action"), directory.contactBook.search("sma", 10).stream().map(ContactSummary::name)
                .collect(Collectors.toList()), "by acronym");
        assertEquals(List.of(), directory.contactBook.search(" ", 10));
    }

    private static List<String> describe(Page<SearchHit> page) {
        return page.getItems().stream().map(hit -> hit.kind() + ":" + hit.iso2() + ":" + hit.name()).collect(Collectors.toList());
    }
}
