package org.secretariat.contacts.impl.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.conflict;
import static org.secretariat.contacts.impl.service.Refusals.invalid;
import static org.secretariat.contacts.impl.service.Refusals.notFound;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.api.ContactGroups;
import org.secretariat.contacts.api.GroupMember;
import org.secretariat.contacts.api.GroupMembers;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.MeetingDelegations;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.GroupCriterion;
import org.secretariat.contacts.impl.domain.GroupKind;
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.contacts.impl.service.Directory;
import org.secretariat.contacts.impl.service.FocalPointDto;
import org.secretariat.contacts.impl.service.MandateDto;
import org.secretariat.contacts.impl.service.OrganisationDto;
import org.secretariat.contacts.impl.service.PersonDto;
import org.secretariat.contacts.impl.service.PositionDto;
import org.secretariat.contacts.impl.service.StatusUpdate;
import org.secretariat.contacts.impl.service.TestProfile;
import org.secretariat.platform.api.rest.PageRequest;

/** Groups over a real database: static lists, each kind of saved query, and the heads of delegation through a fake meetings module. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, null, Groups.SORTABLE, "name");
    private static final LocalDate TODAY = LocalDate.now();

    private final Directory directory = new Directory();
    private final FakeMeetings meetings = new FakeMeetings();
    private final Groups groups = new Groups(directory.database.factory(), directory.states, directory.organisations, directory.themes);
    private final GroupEvaluation evaluation = new GroupEvaluation(directory.database.factory(), meetings);
    private final ContactGroups api = new GroupDirectory(groups, evaluation);

    @AfterEach
    void clear() {
        directory.clear();
        meetings.last = null;
    }

    @AfterAll
    void close() {
        directory.close();
    }

    /** The meetings module as the evaluation sees it: absent while {@code last} is null. */
    static final class FakeMeetings implements DelegationHeads {

        DelegationHeads.LastMeeting last;
        final List<String> asked = new ArrayList<>();

        @Override
        public Optional<LastMeeting> lastMeeting(String meetingType) {
            asked.add(meetingType);
            return Optional.ofNullable(last);
        }
    }

    static PersonDto person(String givenName, String familyName, String email, String stateIso2, String language) {
        return new PersonDto(null, null, givenName, familyName, null, email, null, stateIso2, language, email != null, null, null, null, null, null);
    }

    static GroupDto staticGroup(String name) {
        return new GroupDto(null, name, "kept by hand", GroupKind.STATIC, null, null, null, null, null);
    }

    static GroupDto queryGroup(String name, GroupQueryDto query) {
        return new GroupDto(null, name, null, GroupKind.QUERY, query, null, null, null, null);
    }

    static GroupQueryDto query(GroupCriterion criterion) {
        return new GroupQueryDto(criterion, null, null, null, null, null, null, null, null);
    }

    private long person(String givenName, String familyName, String email, String stateIso2) {
        return directory.people.create(person(givenName, familyName, email, stateIso2, null)).id();
    }

    private List<String> names(long groupId) {
        MemberPage page = evaluation.members(groupId, FIRST_PAGE);
        assertTrue(page.available(), page::reason);
        return page.items().stream().map(MemberDto::name).collect(Collectors.toList());
    }

    @Test
    void aStaticGroupIsAListOfPeopleStaffKeep() {
        long marie = person("Marie", "Dupont", "marie@example.org", "FR");
        long ana = person("Ana", "Silva", null, "AO");
        long jean = person("Jean", "Martin", "jean@example.org", "FR");
        invalid("name", () -> groups.create(staticGroup(" "), "ana"));
        invalid("kind", () -> groups.create(new GroupDto(null, "No kind", null, null, null, null, null, null, null), "ana"));
        invalid("query", () -> groups.create(new GroupDto(null, "Static with a query", null, GroupKind.STATIC, query(GroupCriterion.PEOPLE),
                null, null, null, null), "ana"));

        GroupDto donors = groups.create(staticGroup("Donors' meeting"), "ana");
        assertEquals(0L, donors.members());
        assertEquals("ana", donors.createdBy());
        conflict(() -> groups.create(staticGroup("DONORS’ MEETING"), "ben"));

        invalid("personIds", () -> groups.addMembers(donors.id(), List.of(), "ana"));
        invalid("personIds", () -> groups.addMembers(donors.id(), List.of(marie, 999_999L), "ana"));
        assertEquals(0L, groups.get(donors.id()).members(), "nobody added when one is unknown");
        assertEquals(2L, groups.addMembers(donors.id(), List.of(marie, jean, marie), "ana").members());
        assertEquals(3L, groups.addMembers(donors.id(), List.of(jean, ana), "ben").members(), "those in it already stay");
        assertEquals(List.of("Ana Silva", "Jean Martin", "Marie Dupont"), names(donors.id()), "by name");

        MemberPage second = evaluation.members(donors.id(), PageRequest.parse("1", "2", null, Set.of("name"), "name"));
        assertEquals(3, second.total());
        assertEquals(List.of("Marie Dupont"), second.items().stream().map(MemberDto::name).collect(Collectors.toList()));
        MemberDto marieSeen = second.items().get(0);
        assertEquals("marie@example.org", marieSeen.email());
        assertTrue(marieSeen.consent());

        groups.removeMember(donors.id(), jean);
        notFound(() -> groups.removeMember(donors.id(), jean));
        assertEquals(List.of("Ana Silva", "Marie Dupont"), names(donors.id()));

        // A person removed leaves every group they were in.
        directory.people.delete(ana);
        assertEquals(List.of("Marie Dupont"), names(donors.id()));
        assertEquals(1L, groups.get(donors.id()).members());

        GroupDto renamed = groups.update(donors.id(), new GroupDto(null, "Donors", "the donors' meeting in June", null, null, null, null, null,
                donors.version()));
        assertEquals("Donors", renamed.name());
        conflict(() -> groups.update(donors.id(), new GroupDto(null, "Stale", null, null, null, null, null, null, donors.version())));
        invalid("kind", () -> groups.update(donors.id(), new GroupDto(null, "Donors", null, GroupKind.QUERY, query(GroupCriterion.PEOPLE), null,
                null, null, renamed.version())));
        assertEquals(List.of("Donors"), groups.list("don", FIRST_PAGE).getItems().stream().map(GroupDto::name).collect(Collectors.toList()));

        groups.delete(donors.id());
        notFound(() -> groups.get(donors.id()));
        notFound(() -> evaluation.members(donors.id(), FIRST_PAGE));
    }

    @Test
    void focalPointsOfAThemeAreTheOnesNamedForItNow() {
        long marie = person("Marie", "Dupont", "marie@example.org", "FR");
        long ana = person("Ana", "Silva", "ana@example.org", "AO");
        long former = person("Paul", "Ancien", null, "FR");
        long future = person("Zoé", "Futur", null, "NO");
        long clearance = person("Karl", "Berg", null, "NO");
        directory.focalPoints.add(new FocalPointDto(null, "FR", marie, null, null, TestProfile.VICTIM_ASSISTANCE, null, null));
        directory.focalPoints.add(new FocalPointDto(null, "AO", ana, null, null, TestProfile.VICTIM_ASSISTANCE, TODAY.minusYears(1), null));
        directory.focalPoints.add(new FocalPointDto(null, "FR", former, null, null, TestProfile.VICTIM_ASSISTANCE, TODAY.minusYears(3),
                TODAY.minusDays(1)));
        directory.focalPoints.add(new FocalPointDto(null, "NO", future, null, null, TestProfile.VICTIM_ASSISTANCE, TODAY.plusDays(10), null));
        directory.focalPoints.add(new FocalPointDto(null, "NO", clearance, null, null, TestProfile.CLEARANCE, null, null));

        invalid("query", () -> groups.create(new GroupDto(null, "No query", null, GroupKind.QUERY, null, null, null, null, null), "ana"));
        invalid("criterion", () -> groups.create(queryGroup("No criterion", query(null)), "ana"));
        invalid("theme", () -> groups.create(queryGroup("Gardening", new GroupQueryDto(GroupCriterion.FOCAL_POINTS, "Gardening", null, null,
                null, null, null, null, null)), "ana"));
        assertTrue(invalid("mandateKind", () -> groups.create(queryGroup("Mixed", new GroupQueryDto(GroupCriterion.FOCAL_POINTS, null, null,
                null, null, null, MandateKind.PRESIDENCY, null, null)), "ana")).getMessage().contains("FOCAL_POINTS does not take mandateKind"));

        GroupDto victimAssistance = groups.create(queryGroup("National focal points for victim assistance", new GroupQueryDto(
                GroupCriterion.FOCAL_POINTS, "victim ASSISTANCE", null, null, null, null, null, null, null)), "ana");
        assertEquals(TestProfile.VICTIM_ASSISTANCE, victimAssistance.query().theme(), "as the profile spells it");
        assertNull(victimAssistance.members(), "a query is evaluated only when its members are asked for");
        assertEquals(List.of("Ana Silva", "Marie Dupont"), names(victimAssistance.id()), "the former and the future ones are not focal points now");
        assertEquals(List.of("Ana Silva", "Karl Berg", "Marie Dupont"), names(groups.create(queryGroup("All focal points",
                query(GroupCriterion.FOCAL_POINTS)), "ana").id()));
        conflict(() -> groups.addMembers(victimAssistance.id(), List.of(clearance), "ana"));

        // Of the States Parties only: France is one, Angola is not (yet).
        directory.states.changeStatus("FR", new StatusUpdate(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, LocalDate.of(2009, 11, 25),
                null), "test");
        GroupDto parties = groups.create(queryGroup("Focal points of States Parties", new GroupQueryDto(GroupCriterion.FOCAL_POINTS,
                TestProfile.VICTIM_ASSISTANCE, null, TreatyStatus.STATE_PARTY, null, null, null, null, null)), "ana");
        assertEquals(List.of("Marie Dupont"), names(parties.id()));
        directory.states.changeStatus("AO", new StatusUpdate(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, LocalDate.of(2017, 3, 17),
                null), "test");
        assertEquals(List.of("Ana Silva", "Marie Dupont"), names(parties.id()), "evaluated anew each time");
        assertEquals(List.of("Ana Silva"), names(groups.create(queryGroup("Angola's", new GroupQueryDto(GroupCriterion.FOCAL_POINTS, null, "ao",
                null, null, null, null, null, null)), "ana").id()));
    }

    @Test
    void mandatesPositionsAndPeopleOfStates() {
        long president = person("Ana", "Silva", null, "AO");
        long coordinator = person("Marie", "Dupont", null, "FR");
        long past = person("Paul", "Ancien", null, "FR");
        directory.mandates.create(new MandateDto(null, MandateKind.PRESIDENCY, null, "AO", null, president, null, TODAY.minusMonths(2), null, null));
        directory.mandates.create(new MandateDto(null, MandateKind.COORDINATOR, TestProfile.CLEARANCE, null, null, coordinator, null,
                TODAY.minusMonths(2), TODAY.plusMonths(10), null));
        directory.mandates.create(new MandateDto(null, MandateKind.COORDINATOR, TestProfile.CLEARANCE, null, null, past, null,
                TODAY.minusYears(2), TODAY.minusYears(1), null));

        invalid("mandateKind", () -> groups.create(queryGroup("No kind", query(GroupCriterion.MANDATE_HOLDERS)), "ana"));
        invalid("theme", () -> groups.create(queryGroup("Presidency of a theme", new GroupQueryDto(GroupCriterion.MANDATE_HOLDERS,
                TestProfile.CLEARANCE, null, null, null, null, MandateKind.PRESIDENCY, null, null)), "ana"));
        assertEquals(List.of("Marie Dupont"), names(groups.create(queryGroup("Coordinators for clearance", new GroupQueryDto(
                GroupCriterion.MANDATE_HOLDERS, TestProfile.CLEARANCE, null, null, null, null, MandateKind.COORDINATOR, null, null)), "ana").id()));
        assertEquals(List.of("Ana Silva"), names(groups.create(queryGroup("The Presidency", new GroupQueryDto(GroupCriterion.MANDATE_HOLDERS,
                null, null, null, null, null, MandateKind.PRESIDENCY, null, null)), "ana").id()));

        OrganisationDto mission = directory.organisations.create(new OrganisationDto(null, "Permanent Mission of France", null,
                OrganisationType.PERMANENT_MISSION, "FR", null, null, null, null, null));
        OrganisationDto coalition = directory.organisations.create(new OrganisationDto(null, "Cluster Munition Coalition", "CMC",
                OrganisationType.NGO, null, null, null, null, null, null));
        long diplomat = person("Jean", "Martin", null, null);
        long campaigner = person("Lou", "Campagne", null, null);
        long delegate = person("Kofi", "Mensah", null, "GH");
        directory.people.addPosition(diplomat, new PositionDto(null, mission.id(), null, null, "First Secretary (disarmament)", null, null));
        directory.people.addPosition(campaigner, new PositionDto(null, coalition.id(), null, null, "Campaigner", TODAY.minusYears(1), null));
        directory.people.addPosition(past, new PositionDto(null, coalition.id(), null, null, "Campaigner", TODAY.minusYears(3), TODAY.minusYears(2)));
        directory.people.addPosition(delegate, new PositionDto(null, null, null, "GH", "Head of delegation", null, null));

        assertEquals(List.of("Jean Martin"), names(groups.create(queryGroup("Missions", new GroupQueryDto(GroupCriterion.POSITIONS, null, null,
                null, null, OrganisationType.PERMANENT_MISSION, null, null, null)), "ana").id()));
        assertEquals(List.of("Lou Campagne"), names(groups.create(queryGroup("Coalition", new GroupQueryDto(GroupCriterion.POSITIONS, null, null,
                null, coalition.id(), null, null, null, null)), "ana").id()), "a position that ended is not held now");
        assertEquals(List.of("Jean Martin"), names(groups.create(queryGroup("Disarmament", new GroupQueryDto(GroupCriterion.POSITIONS, null, null,
                null, null, null, null, "DISARMAMENT", null)), "ana").id()), "a title containing the text, in any case");
        assertEquals(List.of("Jean Martin"), names(groups.create(queryGroup("France's positions", new GroupQueryDto(GroupCriterion.POSITIONS, null,
                "FR", null, null, null, null, null, null)), "ana").id()), "a position's state is its organisation's when it names none");
        assertEquals(List.of("Kofi Mensah"), names(groups.create(queryGroup("Ghana's positions", new GroupQueryDto(GroupCriterion.POSITIONS, null,
                "GH", null, null, null, null, null, null)), "ana").id()));
        invalid("organisationId", () -> groups.create(queryGroup("Nowhere", new GroupQueryDto(GroupCriterion.POSITIONS, null, null, null, 999_999L,
                null, null, null, null)), "ana"));
        assertTrue(conflict(() -> directory.organisations.delete(coalition.id())).getMessage().contains("position"));

        assertEquals(List.of("Marie Dupont", "Paul Ancien"), names(groups.create(queryGroup("French people", new GroupQueryDto(GroupCriterion.PEOPLE,
                null, "FR", null, null, null, null, null, null)), "ana").id()));
        assertEquals(6, evaluation.members(groups.create(queryGroup("Everyone", query(GroupCriterion.PEOPLE)), "ana").id(), FIRST_PAGE).total());
    }

    @Test
    void headsOfDelegationComeFromTheMeetingsModuleWhileItIsThere() {
        long linked = person("Ana", "Silva", null, "AO");
        long byAddress = person("Marie", "Dupont", "Marie.Dupont@example.org", "FR");
        directory.states.changeStatus("FR", new StatusUpdate(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, LocalDate.of(2009, 11, 25),
                null), "test");
        invalid("meetingType", () -> groups.create(queryGroup("No type", query(GroupCriterion.HEADS_OF_DELEGATION)), "ana"));
        invalid("meetingType", () -> groups.create(queryGroup("Bad type", new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION, null, null,
                null, null, null, null, null, "M S P")), "ana"));
        GroupDto heads = groups.create(queryGroup("Heads of delegation at the last MSP", new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION, null,
                null, null, null, null, null, null, "msp")), "ana");
        assertEquals("MSP", heads.query().meetingType());
        GroupDto partyHeads = groups.create(queryGroup("Heads of States Parties' delegations", new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION,
                null, null, TreatyStatus.STATE_PARTY, null, null, null, null, "MSP")), "ana");

        // Without the meetings module: unavailable, and said so; nothing else is affected.
        MemberPage without = evaluation.members(heads.id(), FIRST_PAGE);
        assertFalse(without.available());
        assertTrue(without.reason().contains("meetings module"), without.reason());
        assertEquals(0, without.total());
        GroupMembers viaApi = api.members(heads.id(), 0, 10);
        assertFalse(viaApi.available());
        assertEquals(without.reason(), viaApi.reason());

        meetings.last = new DelegationHeads.LastMeeting(null, List.of());
        MemberPage none = evaluation.members(heads.id(), FIRST_PAGE);
        assertTrue(none.available());
        assertEquals(0, none.total());
        assertTrue(none.note().contains("No meeting of type MSP"), none.note());

        meetings.last = new DelegationHeads.LastMeeting("Thirteenth Meeting of States Parties", List.of(
                new DelegationHeads.Head("AO", "Ana Silva", null, linked),
                new DelegationHeads.Head("FR", "Marie Dupont", "marie.dupont@EXAMPLE.org", null),
                new DelegationHeads.Head("NO", "Karl Berg", "karl@example.org", null)));
        MemberPage found = evaluation.members(heads.id(), FIRST_PAGE);
        assertTrue(found.available());
        assertEquals(List.of(linked, byAddress), found.items().stream().map(MemberDto::personId).collect(Collectors.toList()),
                "matched by the link, else by address in any case; by name");
        assertTrue(found.note().contains("Thirteenth Meeting of States Parties: 3 head(s) of delegation, 1 not among the people here"), found.note());
        assertEquals(List.of("Marie Dupont"), names(partyHeads.id()), "filtered by the delegation's state's status");
        assertTrue(meetings.asked.stream().allMatch("MSP"::equals));
    }

    @Test
    void otherModulesSeeGroupsThroughTheApi() {
        long marie = directory.people.create(person("Marie", "Dupont", "marie@example.org", "FR", "fr")).id();
        long jean = person("Jean", "Martin", null, "FR");
        GroupDto group = groups.create(staticGroup("Invitees"), "ana");
        groups.addMembers(group.id(), List.of(marie, jean), "ana");

        assertEquals(List.of("Invitees"), api.groups().stream().map(g -> g.name()).collect(Collectors.toList()));
        assertEquals("STATIC", api.group(group.id()).orElseThrow().kind());
        assertTrue(api.group(group.id() + 1000).isEmpty());
        GroupMembers first = api.members(group.id(), 0, 1);
        assertTrue(first.available());
        assertEquals(2, first.total());
        GroupMember jeanSeen = first.members().get(0);
        assertEquals(jean, jeanSeen.personId());
        assertNull(jeanSeen.email(), "no consent, no address");
        assertFalse(jeanSeen.consent());
        GroupMember marieSeen = api.members(group.id(), 1, 5).members().get(0);
        assertEquals("fr", marieSeen.language());
        assertEquals("marie@example.org", marieSeen.email());
        assertEquals(2, api.members(group.id(), 0, 0).total(), "a limit of 0 answers the total only");
        assertTrue(api.members(group.id(), 0, 0).members().isEmpty());
        assertThrows(NoSuchElementException.class, () -> api.members(group.id() + 1000, 0, 10));
    }

    @Test
    void theMeetingsModuleTellsTheHeadsThroughContactsApi() {
        long kari = person("Kari", "Nordmann", "kari@example.org", "NO");
        List<LocalDate> askedOn = new ArrayList<>();
        MeetingDelegations offered = (type, asOf) -> {
            askedOn.add(asOf);
            return "MSP".equals(type) ? Optional.of(new MeetingDelegations.Meeting(13, "Thirteenth Meeting of States Parties", TODAY.minusDays(30),
                    List.of(new MeetingDelegations.Head("NO", "Norway", "Kari Nordmann", "KARI@example.org", null))))
                    : Optional.empty();
        };
        GroupEvaluation withMeetings = new GroupEvaluation(directory.database.factory(), new MeetingsLink(offered));
        GroupEvaluation withoutMeetings = new GroupEvaluation(directory.database.factory(), new MeetingsLink(null));
        long msp = groups.create(queryGroup("Heads at the last MSP", new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION, null, null, null, null,
                null, null, null, "MSP")), "ana").id();
        long review = groups.create(queryGroup("Heads at the last RC", new GroupQueryDto(GroupCriterion.HEADS_OF_DELEGATION, null, null, null,
                null, null, null, null, "RC")), "ana").id();

        assertEquals(List.of(kari), withMeetings.members(msp, FIRST_PAGE).items().stream().map(MemberDto::personId).collect(Collectors.toList()));
        assertEquals(List.of(TODAY), askedOn, "as of today");
        MemberPage noReview = withMeetings.members(review, FIRST_PAGE);
        assertTrue(noReview.available());
        assertTrue(noReview.note().contains("No meeting of type RC"), noReview.note());
        assertFalse(withoutMeetings.members(msp, FIRST_PAGE).available());
    }
}
