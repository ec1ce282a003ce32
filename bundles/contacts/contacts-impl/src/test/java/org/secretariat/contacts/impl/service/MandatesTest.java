package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.PeopleTest.person;
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
import org.secretariat.contacts.api.ContactSummary;
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MandatesTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, null, Set.of("startDate"), "startDate");

    private final Directory directory = new Directory();
    private final Mandates mandates = directory.mandates;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static MandateDto mandate(MandateKind kind, String theme, String stateIso2, Long personId, LocalDate start, LocalDate end) {
        return new MandateDto(null, kind, theme, stateIso2, null, personId, null, start, end, null);
    }

    @Test
    void aMandateIsHeldByAStateOrAPersonAndACoordinatorHasATheme() {
        long marie = directory.people.create(person("Marie", "Dupont", null, null, null)).id();
        LocalDate start = LocalDate.of(2011, 1, 1);
        invalid("kind", () -> mandates.create(null));
        invalid("kind", () -> mandates.create(mandate(null, null, "NO", null, start, null)));
        assertEquals("a Coordinator's mandate has a theme",
                invalid("theme", () -> mandates.create(mandate(MandateKind.COORDINATOR, null, null, marie, start, null))).getMessage());
        assertTrue(invalid("theme", () -> mandates.create(mandate(MandateKind.COORDINATOR, "Gardening", null, marie, start, null))).getMessage()
                .endsWith("[Victim assistance, Clearance]"));
        invalid("stateIso2", () -> mandates.create(mandate(MandateKind.PRESIDENCY, null, null, null, start, null)));
        invalid("stateIso2", () -> mandates.create(mandate(MandateKind.PRESIDENCY, null, "XX", null, start, null)));
        assertEquals("no person 999999", invalid("personId", () -> mandates.create(mandate(MandateKind.PRESIDENCY, null, null, 999999L, start,
                null))).getMessage());
        invalid("startDate", () -> mandates.create(mandate(MandateKind.PRESIDENCY, null, "NO", null, null, null)));
        invalid("endDate", () -> mandates.create(mandate(MandateKind.PRESIDENCY, null, "NO", null, start, start.minusDays(1))));

        MandateDto coordinator = mandates.create(mandate(MandateKind.COORDINATOR, "victim ASSISTANCE", null, marie, start, null));
        assertEquals(TestProfile.VICTIM_ASSISTANCE, coordinator.theme(), "as the profile spells it");
        assertEquals("Marie Dupont", coordinator.personName());
        MandateDto presidency = mandates.create(mandate(MandateKind.PRESIDENCY, null, "no", marie, start, null));
        assertEquals("NO", presidency.stateIso2());
        assertEquals("Norway", presidency.stateName());
    }

    @Test
    void mandatesAreListedAsOfADateLatestFirst() {
        long marie = directory.people.create(person("Marie", "Dupont", null, null, null)).id();
        mandates.create(mandate(MandateKind.PRESIDENCY, null, "NO", marie, LocalDate.of(2010, 11, 12), LocalDate.of(2011, 9, 15)));
        mandates.create(mandate(MandateKind.PRESIDENCY, null, "FR", null, LocalDate.of(2011, 9, 16), LocalDate.of(2012, 9, 10)));
        mandates.create(mandate(MandateKind.COORDINATOR, TestProfile.CLEARANCE, null, marie, LocalDate.of(2011, 1, 1), null));

        assertEquals(List.of("NO"), states(mandates.list(MandateKind.PRESIDENCY, LocalDate.of(2011, 6, 1), FIRST_PAGE)));
        assertEquals(List.of("FR"), states(mandates.list(MandateKind.PRESIDENCY, LocalDate.of(2011, 9, 16), FIRST_PAGE)), "the first day counts");
        assertEquals(List.of("NO"), states(mandates.list(MandateKind.PRESIDENCY, LocalDate.of(2011, 9, 15), FIRST_PAGE)), "the last day too");
        Page<MandateDto> all = mandates.list(null, null, PageRequest.parse("0", "2", null, Set.of("startDate"), "startDate"));
        assertEquals(3, all.getTotal());
        assertEquals(List.of(LocalDate.of(2011, 9, 16), LocalDate.of(2011, 1, 1)),
                all.getItems().stream().map(MandateDto::startDate).collect(Collectors.toList()));
    }

    @Test
    void holdersOnADateAreOfferedToOtherModules() {
        long marie = directory.people.create(person("Marie", "Dupont", "marie@example.org", true, null)).id();
        mandates.create(mandate(MandateKind.COORDINATOR, TestProfile.CLEARANCE, null, marie, LocalDate.of(2011, 1, 1), LocalDate.of(2012, 1, 1)));
        mandates.create(mandate(MandateKind.PRESIDENCY, null, "FR", null, LocalDate.of(2011, 1, 1), null));

        List<ContactSummary> coordinators = directory.contactBook.mandateHolders("coordinator", "clearance", LocalDate.of(2011, 6, 1));
        assertEquals(List.of("Marie Dupont"), coordinators.stream().map(ContactSummary::name).collect(Collectors.toList()));
        assertEquals("marie@example.org", coordinators.get(0).email());
        assertTrue(directory.contactBook.mandateHolders("COORDINATOR", "Victim assistance", LocalDate.of(2011, 6, 1)).isEmpty());
        assertTrue(directory.contactBook.mandateHolders("COORDINATOR", null, null).isEmpty(), "today, the mandate has ended");
        assertTrue(directory.contactBook.mandateHolders("PRESIDENCY", null, null).isEmpty(), "a state holds it, no person");
        assertTrue(directory.contactBook.mandateHolders("EMPEROR", null, null).isEmpty());
        assertTrue(directory.contactBook.mandateHolders(null, null, null).isEmpty());
    }

    @Test
    void anUpdateCarriesTheVersionReadAndADeletedMandateIsGone() {
        MandateDto presidency = mandates.create(mandate(MandateKind.PRESIDENCY, null, "NO", null, LocalDate.of(2010, 11, 12), null));
        MandateDto ended = mandates.update(presidency.id(), new MandateDto(null, MandateKind.PRESIDENCY, null, "NO", null, null, null,
                LocalDate.of(2010, 11, 12), LocalDate.of(2011, 9, 15), presidency.version()));
        assertEquals(LocalDate.of(2011, 9, 15), ended.endDate());
        conflict(() -> mandates.update(presidency.id(), new MandateDto(null, MandateKind.PRESIDENCY, null, "FR", null, null, null,
                LocalDate.of(2010, 11, 12), null, presidency.version())));
        invalid("version", () -> mandates.update(presidency.id(), null));
        mandates.delete(presidency.id());
        notFound(() -> mandates.delete(presidency.id()));
        notFound(() -> mandates.update(presidency.id(), null));
    }

    private static List<String> states(Page<MandateDto> page) {
        return page.getItems().stream().map(MandateDto::stateIso2).collect(Collectors.toList());
    }
}
