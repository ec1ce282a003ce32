package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.meetings.impl.service.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.ActionStatus;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class ActionsTest {

    private final TestModule module;
    private final long meetingId;

    ActionsTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private Actions.View add(String title, LocalDate due, ActionStatus status) {
        return module.actions.add(meetingId, new Actions.Input(null, title, "Director", due, status, null));
    }

    @Test
    void overdueIsStillOpenAfterTheDueDateOldestFirst() {
        add("Due today", TestModule.TODAY, null);
        add("Done late", TestModule.TODAY.minusDays(30), ActionStatus.DONE);
        add("Circulate the report", TestModule.TODAY.minusDays(1), null);
        add("Translate the report", TestModule.TODAY.minusDays(20), ActionStatus.OPEN);
        add("No date", null, null);
        add("Dropped", TestModule.TODAY.minusDays(40), ActionStatus.CANCELLED);
        assertEquals(List.of("Translate the report", "Circulate the report"), module.actions.overdue().stream()
                .filter(a -> a.meetingId() == meetingId).map(Actions.View::title).collect(Collectors.toList()));
        assertEquals(List.of("Dropped", "Done late", "Translate the report", "Circulate the report", "Due today", "No date"),
                module.actions.list(meetingId).stream().map(Actions.View::title).collect(Collectors.toList()), "by due date, undated last");
    }

    @Test
    void anActionOfADecisionNamesADecisionOfItsMeeting() {
        Decisions.View decision = module.decisions.add(meetingId, new Decisions.Input(null, "Report", "...", null, null, null, null, null));
        Actions.View action = module.actions.add(meetingId, new Actions.Input(decision.id(), "Write it", "Specialist", null, null, null));
        assertEquals(ActionStatus.OPEN, action.status());
        long otherMeeting = module.pastMeeting();
        assertRefused(Kind.NOT_FOUND, null, "No decision " + decision.id() + " in meeting " + otherMeeting,
                () -> module.actions.add(otherMeeting, new Actions.Input(decision.id(), "Write it", "Specialist", null, null, null)));
        assertRefused(Kind.INVALID, "owner", "owner is required",
                () -> module.actions.add(meetingId, new Actions.Input(null, "Nobody's", null, null, null, null)));
        Actions.View done = module.actions.update(meetingId, action.id(), new Actions.Input(decision.id(), "Write it", "Specialist", null,
                ActionStatus.DONE, action.version()));
        assertEquals(ActionStatus.DONE, done.status());
        assertRefused(Kind.NOT_FOUND, null, "No action " + action.id() + " in meeting " + otherMeeting,
                () -> module.actions.update(otherMeeting, action.id(), new Actions.Input(null, "x", "y", null, null, done.version())));
    }
}
