package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingSummary;

@ExtendWith(TestModule.Shared.class)
class PublicCalendarTest {

    private final TestModule module;

    PublicCalendarTest(TestModule module) {
        this.module = module;
    }

    @Test
    void theWebsiteSeesPublicMeetingsOnly() {
        MeetingJson restricted = new MeetingJson();
        restricted.type = "IM";
        restricted.title = "Restricted consultations";
        restricted.startDate = LocalDate.of(2041, 3, 1);
        restricted.endDate = LocalDate.of(2041, 3, 1);
        restricted.publicMeeting = false;
        long hidden = module.meetings.create(restricted).id;
        long shown = module.meeting("MSP", "Public meeting of 2041", LocalDate.of(2041, 9, 1), LocalDate.of(2041, 9, 3)).id;
        long ended = module.pastMeeting();

        List<Long> upcoming = module.calendar.upcomingPublicMeetings(500).stream().map(MeetingSummary::id).collect(Collectors.toList());
        assertTrue(upcoming.contains(shown));
        assertFalse(upcoming.contains(hidden));
        assertFalse(upcoming.contains(ended));
        assertEquals(List.of(shown), module.calendar.publicMeetings(2041).stream().map(MeetingSummary::id).collect(Collectors.toList()));
        assertEquals(List.of(), module.calendar.publicDocuments(hidden));
    }
}
