package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.impl.domain.ActionStatus;
import org.secretariat.meetings.impl.reminders.ActionReminders;
import org.secretariat.meetings.impl.reminders.ReminderSchedule;
import org.secretariat.platform.api.mail.Mail;

/**
 * Reminders of follow-up actions (1.2): due within 7 days and overdue, once per action, due date and kind
 * whatever the runs, to the owner in their language or else to the unit's address, and said when nobody can
 * be written to; open actions only. A fixed clock moves the days; nothing sleeps.
 */
@ExtendWith(TestModule.Shared.class)
class ActionRemindersTest {

    private final TestModule module;
    private final long meetingId;

    ActionRemindersTest(TestModule module) {
        this.module = module;
        this.meetingId = module.pastMeeting();
    }

    private ActionReminders on(LocalDate day, String unitAddress) {
        return new ActionReminders(module.database.factory(), module.notices, Clock.fixed(day.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                7, unitAddress);
    }

    private Actions.View add(String title, LocalDate due, String email, String language) {
        return module.actions.add(meetingId, new Actions.Input(null, title, "Ms Berg", due, null, null, email, language));
    }

    private List<ActionReminders.Item> mine(ActionReminders.Report report) {
        return report.items().stream().filter(i -> i.meetingId() == meetingId).collect(Collectors.toList());
    }

    private List<Mail> mails(Actions.View action) {
        return module.mailer.committed("meetings-action-" + action.id() + "-");
    }

    @Test
    void dueSoonAndOverdueOnceEachToTheOwnerInTheirLanguage() {
        LocalDate today = TestModule.TODAY;
        Actions.View soon = add("Circulate the draft report", today.plusDays(7), "berg@mfa.no", "fr");
        Actions.View late = add("Send the letters", today.minusDays(3), "berg@mfa.no", null);
        Actions.View later = add("Prepare the next meeting", today.plusDays(8), "berg@mfa.no", null);
        Actions.View done = add("Done already", today.minusDays(1), "berg@mfa.no", null);
        module.actions.update(meetingId, done.id(), new Actions.Input(null, done.title(), done.owner(), done.dueDate(), ActionStatus.DONE,
                done.version(), "berg@mfa.no", null));
        add("Undated", null, "berg@mfa.no", null);

        List<ActionReminders.Item> first = mine(on(today, null).run());
        assertEquals(List.of("Send the letters OVERDUE QUEUED", "Circulate the draft report DUE_SOON QUEUED"),
                first.stream().map(i -> i.title() + " " + i.kind() + " " + i.outcome()).collect(Collectors.toList()),
                "open actions due within 7 days or overdue, oldest due first");
        Mail french = mails(soon).get(0);
        assertEquals("meetings-action-" + soon.id() + "-" + soon.dueDate() + "-due-soon", french.key());
        assertEquals("berg@mfa.no", french.to());
        assertTrue(french.subject().startsWith("Rappel : échéance le 27 septembre 2011"), french.subject());
        assertTrue(french.text().contains("dans 7 jour(s)"), french.text());
        Mail english = mails(late).get(0);
        assertEquals("meetings-action-" + late.id() + "-" + late.dueDate() + "-overdue", english.key());
        assertTrue(english.subject().startsWith("Overdue since 17 September 2011"), english.subject());
        assertTrue(mails(later).isEmpty());
        assertTrue(mails(done).isEmpty());

        List<ActionReminders.Item> again = mine(on(today, null).run());
        assertEquals(List.of("SENT_BEFORE", "SENT_BEFORE"), again.stream().map(ActionReminders.Item::outcome).collect(Collectors.toList()));
        assertEquals(1, mails(soon).size(), "a second run, or a restart, sends nothing twice");

        List<ActionReminders.Item> nextWeek = mine(on(today.plusDays(8), null).run());
        assertTrue(nextWeek.stream().anyMatch(i -> i.actionId() == soon.id() && i.kind().equals("OVERDUE") && i.outcome().equals("QUEUED")),
                "once overdue, the overdue reminder");
        assertTrue(nextWeek.stream().anyMatch(i -> i.actionId() == later.id() && i.kind().equals("DUE_SOON")));
        assertEquals(2, mails(soon).size());

        Actions.View moved = module.actions.list(meetingId).stream().filter(a -> a.id().equals(late.id())).findFirst().orElseThrow();
        assertEquals("OVERDUE", moved.reminder().kind());
        assertEquals("QUEUED", moved.reminder().outcome());
        assertEquals("berg@mfa.no", moved.reminder().sentTo());
        module.actions.update(meetingId, late.id(), new Actions.Input(null, late.title(), late.owner(), today.plusDays(20), null, moved.version(),
                "berg@mfa.no", null));
        mine(on(today.plusDays(14), null).run());
        assertEquals(2, mails(late).size(), "a new due date reminds again");
    }

    @Test
    void withoutTheOwnersAddressToTheUnitsAndWithNeitherTheActionSaysSo() {
        LocalDate today = TestModule.TODAY;
        Actions.View action = add("Nobody's address", today.plusDays(2), null, "es");
        ActionReminders.Item nowhere = mine(on(today, null).run()).stream().filter(i -> i.actionId() == action.id()).findFirst().orElseThrow();
        assertEquals("NO_RECIPIENT", nowhere.outcome());
        Actions.View read = module.actions.list(meetingId).stream().filter(a -> a.id().equals(action.id())).findFirst().orElseThrow();
        assertEquals("NO_RECIPIENT", read.reminder().outcome());
        assertNull(read.reminder().sentTo());
        assertTrue(mails(action).isEmpty());

        mine(on(today, "isu@example.org").run());
        Mail unit = mails(action).get(0);
        assertEquals("isu@example.org", unit.to(), "tried again: now to the unit's address");
        assertTrue(unit.subject().startsWith("Reminder: due on 22 September 2011"), "in the profile's first language: " + unit.subject());
        assertTrue(unit.text().contains("This is a reminder for Ms Berg."), unit.text());
    }

    @Test
    void withoutTheMailServiceNothingIsSentAndTheNextRunQueues() {
        LocalDate today = TestModule.TODAY;
        Actions.View action = add("Mail is down", today.plusDays(1), "berg@mfa.no", null);
        ActionReminders unsent = new ActionReminders(module.database.factory(), new Notices(new TestModule.CcmProfile(), null),
                Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), 7, null);
        assertEquals("NO_MAILER", mine(unsent.run()).stream().filter(i -> i.actionId() == action.id()).findFirst().orElseThrow().outcome());
        assertTrue(mails(action).isEmpty());
        assertEquals("QUEUED", mine(on(today, null).run()).stream().filter(i -> i.actionId() == action.id()).findFirst().orElseThrow().outcome());
        assertEquals(1, mails(action).size());
    }

    @Test
    void theJobRunsAtTheConfiguredHourOrEvery24Hours() {
        ZonedDateTime morning = ZonedDateTime.of(2011, 9, 20, 5, 30, 0, 0, ZoneId.of("Europe/Zurich"));
        assertEquals(Duration.ofMinutes(30), ReminderSchedule.untilNext(morning, 6));
        assertEquals(Duration.ofHours(23).plusMinutes(30), ReminderSchedule.untilNext(morning, 5));
        assertEquals(Duration.ofHours(24), ReminderSchedule.untilNext(morning, -1));
        assertEquals(Duration.ofHours(24), ReminderSchedule.untilNext(morning.withHour(6).withMinute(0), 6), "just run: tomorrow");
    }
}
