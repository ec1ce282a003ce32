package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class ProgrammeTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 9, 13);

    private final TestModule module;
    private final long meetingId;

    ProgrammeTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private Programme.Session session(LocalDate date, String start, String end, String title) {
        return new Programme.Session(null, date, start, end, "Room XVII", title, "1, 2", null);
    }

    @Test
    void sessionsAreListedByDayAndTime() {
        module.programme.add(meetingId, session(FIRST_DAY.plusDays(1), "10:00", "13:00", "Second day"));
        module.programme.add(meetingId, session(FIRST_DAY, "15:00", "18:00", "Afternoon"));
        module.programme.add(meetingId, session(FIRST_DAY, "09:30", "12:30", "Opening"));
        assertEquals(List.of("Opening", "Afternoon", "Second day"),
                module.programme.sessions(meetingId).stream().map(Programme.Session::title).collect(Collectors.toList()));
    }

    @Test
    void aSessionIsWithinTheMeetingAndEndsAfterItStarts() {
        assertRefused(Kind.INVALID, "date", "the session's date must be within the meeting (2011-09-13 to 2011-09-16)",
                () -> module.programme.add(meetingId, session(FIRST_DAY.minusDays(1), "10:00", "11:00", "Before")));
        assertRefused(Kind.INVALID, "startTime", "startTime is a time like 09:30",
                () -> module.programme.add(meetingId, session(FIRST_DAY, "9h", "11:00", "Odd time")));
        assertRefused(Kind.INVALID, "endTime", "endTime must be after startTime",
                () -> module.programme.add(meetingId, session(FIRST_DAY, "11:00", "11:00", "No time at all")));
        assertRefused(Kind.INVALID, "date", "date is required: the day of the session",
                () -> module.programme.add(meetingId, session(null, "10:00", "11:00", "Someday")));
    }

    @Test
    void aSessionIsChangedWithTheVersionReadAndDeleted() {
        Programme.Session added = module.programme.add(meetingId, session(FIRST_DAY, "10:00", "11:00", "Briefing"));
        Programme.Session moved = module.programme.update(meetingId, added.id(), new Programme.Session(null, FIRST_DAY, "11:00", "12:00",
                null, "Briefing", null, added.version()));
        assertEquals("11:00", moved.startTime());
        assertRefused(Kind.CONFLICT, null, "Session " + added.id() + " was changed by someone else (now version " + moved.version()
                + "); reload and try again", () -> module.programme.update(meetingId, added.id(), added));
        long otherMeeting = module.pastMeeting();
        assertRefused(Kind.NOT_FOUND, null, "No session " + added.id() + " in meeting " + otherMeeting,
                () -> module.programme.delete(otherMeeting, added.id()));
        module.programme.delete(meetingId, added.id());
        assertEquals(List.of(), module.programme.sessions(meetingId));
    }
}
