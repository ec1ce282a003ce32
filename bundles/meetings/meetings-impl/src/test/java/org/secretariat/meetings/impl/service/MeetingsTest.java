package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

@ExtendWith(TestModule.Shared.class)
class MeetingsTest {

    private static final PageRequest FIRST_PAGE = PageRequest.parse(null, null, "startDate,asc", Meetings.SORTABLE, "startDate");

    private final TestModule module;

    MeetingsTest(TestModule module) {
        this.module = module;
    }

    private static MeetingJson body(String type, String title, LocalDate start, LocalDate end) {
        MeetingJson body = new MeetingJson();
        body.type = type;
        body.title = title;
        body.startDate = start;
        body.endDate = end;
        return body;
    }

    private static MeetingJson body(String type) {
        return body(type, "x", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 13));
    }

    @Test
    void aNewMeetingIsPlannedPublicNamedAfterItsTypeAndAnnounced() {
        MeetingJson created = module.meeting("MSP", "Second Meeting of States Parties", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 16));
        assertEquals(MeetingStatus.PLANNED, created.status);
        assertEquals(Boolean.TRUE, created.publicMeeting);
        assertEquals("Meeting of States Parties", created.typeName);
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED), module.events.about(created.id));
    }

    @Test
    void typeAndPeriodFollowTheProfileAndTheCalendar() {
        assertRefused(Kind.INVALID, "type", "type must be one of the convention's meeting types: [MSP, RC, IM]",
                () -> module.meetings.create(body("WORKSHOP")));
        assertRefused(Kind.INVALID, "endDate", "endDate is before startDate",
                () -> module.meetings.create(body("MSP", "x", LocalDate.of(2011, 9, 13), LocalDate.of(2011, 9, 12))));
        assertRefused(Kind.INVALID, "startDate", "startDate is required: the first day of the meeting",
                () -> module.meetings.create(body("MSP", "x", null, LocalDate.of(2011, 9, 12))));
        assertRefused(Kind.INVALID, "title", "title is required", () -> module.meetings.create(body("MSP", " ", null, null)));
        MeetingJson numbered = body("MSP");
        numbered.number = 1000;
        assertRefused(Kind.INVALID, "number", "number must be between 1 and 999", () -> module.meetings.create(numbered));
        MeetingJson abroad = body("MSP");
        abroad.countryIso2 = "L1";
        assertRefused(Kind.INVALID, "countryIso2", "countryIso2 is an ISO 3166-1 alpha-2 code, e.g. NO", () -> module.meetings.create(abroad));
        abroad.countryIso2 = "lb";
        assertEquals("LB", module.meetings.create(abroad).countryIso2);
        assertRefused(Kind.INVALID, "title", "a JSON body is required", () -> module.meetings.create(null));
    }

    @Test
    void aFieldNoExtensionClaimsIsUnknown() {
        MeetingJson body = body("MSP");
        body.extension("livestream", "https://stream.example.org");
        assertRefused(Kind.INVALID, "livestream", "Unknown field 'livestream'", () -> module.meetings.create(body));
    }

    @Test
    void anUpdateNeedsTheVersionReadAndAStatus() {
        long id = module.pastMeeting();
        MeetingJson change = module.meetings.get(id);
        int read = change.version;
        change.status = MeetingStatus.CONVENED;
        MeetingJson updated = module.meetings.update(id, change);
        assertEquals(MeetingStatus.CONVENED, updated.status);
        assertEquals(read + 1, updated.version);
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED, MeetingEvents.MEETING_CHANGED), module.events.about(id));

        assertRefused(Kind.CONFLICT, null, "Meeting " + id + " was changed by someone else (now version " + (read + 1) + "); reload and try again",
                () -> module.meetings.update(id, change));
        change.version = null;
        assertRefused(Kind.INVALID, "version", "version is required: send the version you read", () -> module.meetings.update(id, change));
        MeetingJson withoutStatus = module.meetings.get(id);
        withoutStatus.status = null;
        assertRefused(Kind.INVALID, "status", "status is required: PLANNED, CONVENED or CONCLUDED", () -> module.meetings.update(id, withoutStatus));
        assertEquals(2, module.events.about(id).size(), "a refused change is not announced");
        assertRefused(Kind.NOT_FOUND, null, "No meeting 999999", () -> module.meetings.get(999999));
        assertRefused(Kind.NOT_FOUND, null, "No meeting 999999", () -> module.meetings.update(999999, change));
    }

    @Test
    void theListFiltersByTypeStatusYearTextAndWhatHasNotEnded() {
        module.meeting("MSP", "Filtered meeting of 2031", LocalDate.of(2031, 9, 13), LocalDate.of(2031, 9, 16));
        module.meeting("MSP", "Filtered meeting of 2032", LocalDate.of(2032, 9, 11), LocalDate.of(2032, 9, 14));
        module.meeting("IM", "Filtered intersessional of 2031", LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 2));
        module.meeting("IM", "Filtered intersessional ended", LocalDate.of(2011, 4, 1), LocalDate.of(2011, 4, 2));
        assertEquals(List.of("Filtered meeting of 2031", "Filtered meeting of 2032"), titles(new Meetings.Filter("MSP", null, null, "filtered", false)));
        assertEquals(List.of("Filtered intersessional of 2031", "Filtered meeting of 2031"), titles(new Meetings.Filter(null, null, 2031, "filtered", false)));
        assertEquals(List.of("Filtered intersessional of 2031", "Filtered meeting of 2031", "Filtered meeting of 2032"),
                titles(new Meetings.Filter(null, MeetingStatus.PLANNED, null, "FILTERED", true)), "only what ends today or later");
        assertEquals(List.of(), titles(new Meetings.Filter(null, MeetingStatus.CONCLUDED, null, "filtered", false)));
        assertEquals(List.of(), titles(new Meetings.Filter(null, null, null, "filtered%'_", false)), "the text is matched literally");

        Page<MeetingJson> second = module.meetings.list(new Meetings.Filter(null, null, null, "filtered", false),
                PageRequest.parse("1", "3", "startDate,desc", Meetings.SORTABLE, "startDate"));
        assertEquals(4, second.getTotal());
        assertEquals(List.of("Filtered intersessional ended"), second.getItems().stream().map(m -> m.title).collect(Collectors.toList()));
    }

    private List<String> titles(Meetings.Filter filter) {
        return module.meetings.list(filter, FIRST_PAGE).getItems().stream().map(m -> m.title).collect(Collectors.toList());
    }

    @Test
    void aMeetingThatIsPartOfTheRecordStaysAndAnEmptyOneGoesWithItsPlanning() {
        long kept = module.pastMeeting();
        module.decisions.add(kept, new Decisions.Input(null, "Programme", "The meeting decided...", null, null, null, null, null));
        assertRefused(Kind.CONFLICT, null, "Meeting " + kept + " has documents, participants, decisions, records or invitations: it is part of the record and stays",
                () -> module.meetings.delete(kept));

        long planned = module.pastMeeting();
        module.agenda.add(planned, new Agenda.Item(null, "1", "Opening", null, null));
        module.actions.add(planned, new Actions.Input(null, "Book the rooms", "Assistant", LocalDate.of(2011, 9, 1), null, null));
        module.meetings.delete(planned);
        assertEquals(List.of(MeetingEvents.MEETING_CHANGED, MeetingEvents.MEETING_CHANGED, MeetingEvents.MEETING_CHANGED), module.events.about(planned),
                "created, its agenda changed, deleted");
        assertRefused(Kind.NOT_FOUND, null, "No meeting " + planned, () -> module.agenda.tree(planned));
        assertTrue(module.actions.overdue().stream().noneMatch(a -> a.meetingId() == planned), "its actions went with it");
    }

    @Test
    void theCalendarShowsTheTypesNameAndOnlyWhatHasNotEnded() {
        long ended = module.pastMeeting();
        long coming = module.meeting("RC", "Calendar review conference", LocalDate.of(2015, 9, 7), LocalDate.of(2015, 9, 11)).id;
        assertEquals("Meeting of States Parties", module.meetings.calendarEntry(ended).typeName());
        List<Long> upcoming = module.meetings.upcomingCalendar().stream().map(Meetings.CalendarEntry::id).collect(Collectors.toList());
        assertTrue(upcoming.contains(coming));
        assertTrue(!upcoming.contains(ended));
    }
}
