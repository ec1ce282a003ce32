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
class RecordsTest {

    private final TestModule module;
    private final long meetingId;

    RecordsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    @Test
    void everyVersionIsKeptWithWhoWhenAndWhy() {
        Records.View first = module.records.add(meetingId, new Records.Input(null, "Summary record", "The meeting opened.", null, null), "ann");
        assertEquals(1, first.revision());
        assertEquals("ann", first.updatedBy());
        Records.View second = module.records.update(meetingId, first.id(),
                new Records.Input(null, "Summary record", "The meeting opened at 10:00.", "time of opening", first.version()), "bob");
        assertEquals(2, second.revision());
        assertEquals("bob", second.updatedBy());

        List<Records.Revision> revisions = module.records.revisions(meetingId, first.id());
        assertEquals(List.of(2, 1), revisions.stream().map(Records.Revision::revision).collect(Collectors.toList()), "newest first");
        assertEquals(List.of("time of opening", "first version"), revisions.stream().map(Records.Revision::note).collect(Collectors.toList()));
        assertEquals(List.of("bob", "ann"), revisions.stream().map(Records.Revision::changedBy).collect(Collectors.toList()));
        assertEquals("The meeting opened.", revisions.get(1).text());
        assertEquals(TestModule.TODAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC), revisions.get(0).changedAt());

        assertRefused(Kind.CONFLICT, null, "Record " + first.id() + " was changed by someone else (now version " + second.version()
                + "); reload and try again", () -> module.records.update(meetingId, first.id(),
                        new Records.Input(null, "Summary record", "Stale", null, first.version()), "ann"));
        assertEquals(2, module.records.revisions(meetingId, first.id()).size(), "a refused change keeps no revision");
    }

    @Test
    void aRecordOfASessionNamesASessionOfItsMeeting() {
        Programme.Session session = module.programme.add(meetingId, new Programme.Session(null, LocalDate.of(2011, 9, 13), "10:00", "13:00",
                null, "Opening", null, null));
        assertEquals(session.id(), module.records.add(meetingId, new Records.Input(session.id(), "Minutes", "...", null, null), "ann").sessionId());
        long otherMeeting = module.pastMeeting();
        assertRefused(Kind.INVALID, "sessionId", "no session " + session.id() + " in this meeting",
                () -> module.records.add(otherMeeting, new Records.Input(session.id(), "Minutes", "...", null, null), "ann"));
        assertRefused(Kind.INVALID, "note", "note is at most 500 characters",
                () -> module.records.add(meetingId, new Records.Input(null, "Minutes", "...", "x".repeat(501), null), "ann"));
        assertEquals(1, module.records.list(meetingId).size(), "a refused record leaves nothing behind");
        assertRefused(Kind.NOT_FOUND, null, "No record 999999 in meeting " + meetingId, () -> module.records.revisions(meetingId, 999999));
    }
}
