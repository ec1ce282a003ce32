package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.contacts.impl.domain.OutreachKind;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FocalPointsAndOutreachTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, null, Set.of("date"), "date");

    private final Directory directory = new Directory();
    private final FocalPoints focalPoints = directory.focalPoints;
    private final Outreach outreach = directory.outreach;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private static FocalPointDto focalPoint(String stateIso2, Long personId, String theme) {
        return new FocalPointDto(null, stateIso2, personId, null, null, theme, null, null);
    }

    private static OutreachDto entry(String stateIso2, LocalDate date, String summary, Integer version) {
        return new OutreachDto(null, stateIso2, null, null, null, null, date, OutreachKind.MEETING, "Director", summary, "Follow up in June", null, version);
    }

    @Test
    void aFocalPointIsAKnownPersonForAThemeOfTheConvention() {
        long marie = directory.people.create(person("Marie", "Dupont", "marie@example.org", true, "FR")).id();
        long jean = directory.people.create(person("Jean", "Martin", null, null, "FR")).id();
        invalid("personId", () -> focalPoints.add(null));
        invalid("stateIso2", () -> focalPoints.add(focalPoint(null, marie, null)));
        invalid("stateIso2", () -> focalPoints.add(focalPoint("XX", marie, null)));
        invalid("personId", () -> focalPoints.add(focalPoint("FR", null, null)));
        invalid("personId", () -> focalPoints.add(focalPoint("FR", 999999L, null)));
        invalid("theme", () -> focalPoints.add(focalPoint("FR", marie, "Gardening")));

        FocalPointDto assistance = focalPoints.add(focalPoint("fr", marie, "VICTIM ASSISTANCE"));
        assertEquals("FR", assistance.stateIso2());
        assertEquals(TestProfile.VICTIM_ASSISTANCE, assistance.theme());
        assertEquals("marie@example.org", assistance.email());
        FocalPointDto convention = focalPoints.add(focalPoint("FR", jean, null));
        assertNull(convention.email(), "no consent, no address");

        assertEquals(List.of(marie, jean), focalPoints.ofState("fr").stream().map(FocalPointDto::personId).collect(Collectors.toList()),
                "by theme, the convention as a whole last");
        notFound(() -> focalPoints.ofState("XX"));
        assertEquals(List.of("Marie Dupont"), directory.contactBook.focalPoints("fr", TestProfile.VICTIM_ASSISTANCE).stream()
                .map(ContactSummary::name).collect(Collectors.toList()));
        assertEquals(2, directory.contactBook.focalPoints("FR", null).size());
        assertTrue(directory.contactBook.focalPoints(null, null).isEmpty());

        focalPoints.remove(assistance.id());
        notFound(() -> focalPoints.remove(assistance.id()));
        assertEquals(1, focalPoints.ofState("FR").size());
    }

    @Test
    void outreachIsRecordedOnceItHappenedAndListedLatestFirst() {
        invalid("stateIso2", () -> outreach.record(null, "ana"));
        invalid("stateIso2", () -> outreach.record(entry(" ", LocalDate.of(2024, 5, 2), "Talks", null), "ana"));
        invalid("stateIso2", () -> outreach.record(entry("XX", LocalDate.of(2024, 5, 2), "Talks", null), "ana"));
        invalid("date", () -> outreach.record(entry("AO", null, "Talks", null), "ana"));
        assertEquals("date is in the future: record outreach once it happened (plan it in nextStep)",
                invalid("date", () -> outreach.record(entry("AO", LocalDate.now().plusDays(2), "Talks", null), "ana")).getMessage());
        invalid("summary", () -> outreach.record(entry("AO", LocalDate.of(2024, 5, 2), null, null), "ana"));

        OutreachDto first = outreach.record(entry("ao", LocalDate.of(2024, 5, 2), "Ratification bill before parliament", null), "ana");
        assertEquals("AO", first.stateIso2());
        assertEquals("ana", first.createdBy());
        outreach.record(entry("AO", LocalDate.of(2024, 6, 20), "Bill adopted", null), "ben");

        Page<OutreachDto> log = outreach.ofState("ao", FIRST_PAGE);
        assertEquals(2, log.getTotal());
        assertEquals(List.of("Bill adopted", "Ratification bill before parliament"),
                log.getItems().stream().map(OutreachDto::summary).collect(Collectors.toList()));
        assertEquals(0, outreach.ofState("FR", FIRST_PAGE).getTotal());
        notFound(() -> outreach.ofState("XX", FIRST_PAGE));

        OutreachDto corrected = outreach.update(first.id(), entry("FR", LocalDate.of(2024, 5, 3), "Bill before parliament", first.version()));
        assertEquals("AO", corrected.stateIso2(), "an entry stays with its state");
        assertEquals("ana", corrected.createdBy());
        conflict(() -> outreach.update(first.id(), entry("AO", LocalDate.of(2024, 5, 3), "Stale", first.version())));
        invalid("version", () -> outreach.update(first.id(), null));
        outreach.delete(first.id());
        notFound(() -> outreach.delete(first.id()));
        assertEquals(1, outreach.ofState("AO", FIRST_PAGE).getTotal());
    }

    @Test
    void outreachIsWithAStateAnOrganisationOrAPerson() {
        OrganisationDto ministry = directory.organisations.create(new OrganisationDto(null, "Ministry of Foreign Affairs of Angola", null,
                OrganisationType.GOVERNMENT_MINISTRY, "AO", null, null, null, null, null));
        OrganisationDto coalition = directory.organisations.create(new OrganisationDto(null, "Cluster Munition Coalition", "CMC",
                OrganisationType.NGO, null, null, null, null, null, null));
        long delegate = directory.people.create(person("Kofi", "Mensah", null, null, "GH")).id();
        long campaigner = directory.people.create(person("Lou", "Campagne", null, null, null)).id();
        LocalDate may = LocalDate.of(2024, 5, 2);

        invalid("stateIso2", () -> outreach.record(with(null, null, null, may, "Nobody"), "ana"));
        invalid("organisationId", () -> outreach.record(with(null, 999_999L, null, may, "Nowhere"), "ana"));
        invalid("personId", () -> outreach.record(with(null, null, 999_999L, may, "Nobody"), "ana"));

        OutreachDto withMinistry = outreach.record(with(null, ministry.id(), null, may, "Briefing on the convention"), "ana");
        assertEquals("AO", withMinistry.stateIso2(), "an organisation's state, when it has one");
        assertEquals("Ministry of Foreign Affairs of Angola", withMinistry.organisationName());
        OutreachDto withDelegate = outreach.record(with(null, null, delegate, may.plusDays(1), "Call on the instrument of accession"), "ana");
        assertEquals("GH", withDelegate.stateIso2(), "a person's state, when they have one");
        assertEquals("Kofi Mensah", withDelegate.personName());
        OutreachDto withCoalition = outreach.record(with(null, coalition.id(), campaigner, may.plusDays(2), "Joint advocacy plan"), "ana");
        assertNull(withCoalition.stateIso2(), "an NGO of no state, with one of its people");
        assertEquals("Lou Campagne", withCoalition.personName());
        OutreachDto aboutAngola = outreach.record(with("ao", coalition.id(), null, may.plusDays(3), "Coalition's mission to Luanda"), "ana");
        assertEquals("AO", aboutAngola.stateIso2(), "the state it concerns, as told");

        assertEquals(List.of("Coalition's mission to Luanda", "Briefing on the convention"), summaries(outreach.ofState("AO", FIRST_PAGE)),
                "a state's log holds the contacts with its ministries too");
        assertEquals(List.of("Coalition's mission to Luanda", "Joint advocacy plan"), summaries(outreach.list(null, coalition.id(), null, FIRST_PAGE)));
        assertEquals(List.of("Call on the instrument of accession"), summaries(outreach.list(null, null, delegate, FIRST_PAGE)));
        assertEquals(4, outreach.list(null, null, null, FIRST_PAGE).getTotal(), "everything, latest first");
        assertEquals(List.of("Coalition's mission to Luanda"), summaries(outreach.list("AO", coalition.id(), null, FIRST_PAGE)));

        // Changed as 1.0 changes an entry (none of who it was with sent): who it was with stays.
        OutreachDto changed = outreach.update(withCoalition.id(), entry(null, may.plusDays(2), "Joint advocacy plan agreed", withCoalition.version()));
        assertEquals(coalition.id(), changed.organisationId());
        assertEquals(campaigner, changed.personId());

        // Who an entry is about is not removed from under it.
        assertTrue(conflict(() -> directory.people.delete(delegate)).getMessage().contains("outreach"));
        assertTrue(conflict(() -> directory.organisations.delete(ministry.id())).getMessage().contains("outreach"));
        outreach.delete(withDelegate.id());
        directory.people.delete(delegate);
    }

    private static OutreachDto with(String stateIso2, Long organisationId, Long personId, LocalDate date, String summary) {
        return new OutreachDto(null, stateIso2, organisationId, null, personId, null, date, OutreachKind.MEETING, "Director", summary, null, null,
                null);
    }

    private static List<String> summaries(Page<OutreachDto> page) {
        return page.getItems().stream().map(OutreachDto::summary).collect(Collectors.toList());
    }
}
