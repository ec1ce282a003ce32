package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.impl.domain.DecisionKind;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.PageRequest;

@ExtendWith(TestModule.Shared.class)
class DecisionsTest {

    private static final LocalDate ADOPTED = LocalDate.of(2011, 9, 16);

    private final TestModule module;
    private final long meetingId;

    DecisionsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private static Decisions.Input decision(String title, LocalDate adoptedOn, String theme, Boolean establishedPractice) {
        return new Decisions.Input(null, title, "The meeting decided to " + title.toLowerCase(), null, adoptedOn, theme, establishedPractice, null);
    }

    @Test
    void decisionsAreNumberedPerMeetingInOrderOfEntry() {
        assertEquals(1, module.decisions.add(meetingId, decision("First", null, null, null)).number());
        assertEquals(2, module.decisions.add(meetingId, decision("Second", null, null, null)).number());
        long otherMeeting = module.pastMeeting();
        assertEquals(1, module.decisions.add(otherMeeting, decision("Elsewhere", null, null, null)).number());
        assertEquals(List.of(1, 2), module.decisions.list(meetingId).stream().map(Decisions.View::number).collect(Collectors.toList()));
        assertEquals(DecisionKind.DECISION, module.decisions.list(meetingId).get(0).kind(), "a decision unless it says otherwise");
        assertEquals(MeetingEvents.MEETING_CHANGED, module.events.about(meetingId).get(1), "the meeting's page hears of it");
    }

    @Test
    void aThemeIsOneOfTheProfilesThematicAreas() {
        assertEquals("Victim assistance", module.decisions.add(meetingId, decision("Assist", null, "victim ASSISTANCE", null)).theme());
        assertRefused(Kind.INVALID, "theme", "theme must be one of the convention's thematic areas: [Universalization, Victim assistance, Clearance]",
                () -> module.decisions.add(meetingId, decision("Stockpiles", null, "Stockpiles", null)));
    }

    @Test
    void establishedPracticeIsADecisionAdoptedOnADay() {
        assertRefused(Kind.INVALID, "adoptedOn", "established practice is a decision adopted on a date: give adoptedOn",
                () -> module.decisions.add(meetingId, decision("Undated", null, null, true)));
        Decisions.View practice = module.decisions.add(meetingId, decision("Rules of procedure for register test", ADOPTED, "Clearance", true));
        Decisions.PracticeEntry entry = module.decisions.practice(new Decisions.PracticeFilter("clearance", 2011, "register TEST"),
                PageRequest.parse(null, null, null, java.util.Set.of("adoptedOn"), "adoptedOn")).getItems().get(0);
        assertEquals(practice, entry.decision());
        assertEquals("Second Meeting of States Parties", entry.meetingTitle());
        assertEquals("MSP", entry.meetingType());
        assertEquals(0, module.decisions.practice(new Decisions.PracticeFilter(null, 2012, "register test"),
                PageRequest.parse(null, null, null, java.util.Set.of("adoptedOn"), "adoptedOn")).getTotal());
    }

    @Test
    void anAgendaItemOrAVersionFromElsewhereIsRefused() {
        long otherMeeting = module.pastMeeting();
        Agenda.Item elsewhere = module.agenda.add(otherMeeting, new Agenda.Item(null, "1", "Opening", null, null));
        assertRefused(Kind.NOT_FOUND, null, "No agenda item " + elsewhere.id() + " in meeting " + meetingId,
                () -> module.decisions.add(meetingId, new Decisions.Input(null, "x", "y", elsewhere.id(), null, null, null, null)));
        Decisions.View added = module.decisions.add(meetingId, decision("Amended", null, null, null));
        Decisions.View amended = module.decisions.update(meetingId, added.id(), new Decisions.Input(DecisionKind.RECOMMENDATION, "Amended",
                "The meeting recommended...", null, null, null, null, added.version()));
        assertEquals(DecisionKind.RECOMMENDATION, amended.kind());
        assertEquals(added.number(), amended.number());
        assertRefused(Kind.INVALID, "version", "version is required: send the version you read",
                () -> module.decisions.update(meetingId, added.id(), decision("No version", null, null, null)));
        assertRefused(Kind.NOT_FOUND, null, "No decision " + added.id() + " in meeting " + otherMeeting,
                () -> module.decisions.update(otherMeeting, added.id(), decision("x", null, null, null)));
    }
}
