package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class MeetingAssessmentsTest {

    private static final long MEETING = 12;
    private static final long EMPTY_MEETING = 13;

    private final TestModule module;
    private final Assessments assessments;

    MeetingAssessmentsTest(TestModule module) {
        this.module = module;
        this.assessments = new Assessments(module.database.factory(), module.formulas, module.scales, module.states,
                new AttendingStates(new Attendance()), module.profile, module.clock);
    }

    @Test
    void aMeetingsCostsAreSharedAmongTheStatesThatTookPartByTheYearsScale() {
        module.scales.importCsv(2050, 2050, "AT,0.679\nNO,0.679\nFR,4.318\n", false);
        Assessments.Input input = new Assessments.Input(null, new BigDecimal("30000"), "scale", Map.of(), null, MEETING);
        Assessments.Result dryRun = assessments.dryRun(input);
        assertEquals(2050, dryRun.year(), "the meeting's year");
        assertEquals(List.of("AT", "NO"), dryRun.shares().stream().map(Assessments.ShareView::state).collect(Collectors.toList()),
                "only the states that took part, though the scale names France too");
        assertEquals(List.of(new BigDecimal("15000.00"), new BigDecimal("15000.00")),
                dryRun.shares().stream().map(Assessments.ShareView::amount).collect(Collectors.toList()));
        assertEquals("MSP 12 Twelfth Meeting", dryRun.meetingTitle());

        Assessments.Result saved = assessments.save(input, "director");
        assertEquals(Long.valueOf(MEETING), assessments.get(saved.id()).meeting());
        assertEquals(List.of("Costs of MSP 12 Twelfth Meeting", "Costs of MSP 12 Twelfth Meeting"),
                module.contributions.list(2050, null).stream().map(Contributions.View::purpose).collect(Collectors.toList()));
        assertRefused(Kind.CONFLICT, null, "the costs of meeting 12 (MSP 12 Twelfth Meeting) are assessed already", () -> assessments.save(input, "director"));
        assessments.save(new Assessments.Input(2050, new BigDecimal("1000"), "equal", Map.of(), null, null), "director");
        assertEquals(2, assessments.list().stream().filter(a -> a.year() == 2050).count(), "the year's budget is assessed beside the meeting");
    }

    @Test
    void refusals() {
        assertRefused(Kind.INVALID, "meeting", "there is no meeting 99",
                () -> assessments.dryRun(new Assessments.Input(2051, BigDecimal.TEN, "equal", Map.of(), null, 99L)));
        assertRefused(Kind.INVALID, "meeting", "no state has an approved participant at meeting 13 (MSP 13 Thirteenth Meeting): approve the participants first, or name the states in rates",
                () -> assessments.dryRun(new Assessments.Input(2051, BigDecimal.TEN, "equal", Map.of(), null, EMPTY_MEETING)));
        assertRefused(Kind.INVALID, "meeting", "the meetings module is not installed: install it, or leave meeting out and name the states in rates",
                () -> module.assessments.dryRun(new Assessments.Input(2051, BigDecimal.TEN, "equal", Map.of(), null, MEETING)));
    }

    /** The meetings module's attendance, as the IT shows it for real: two meetings. */
    private static final class Attendance implements MeetingAttendance {
        @Override
        public Optional<MeetingSummary> meeting(long meetingId) {
            if (meetingId != MEETING && meetingId != EMPTY_MEETING) {
                return Optional.empty();
            }
            return Optional.of(new MeetingSummary(meetingId, "MSP", (int) meetingId, meetingId == MEETING ? "Twelfth Meeting" : "Thirteenth Meeting",
                    LocalDate.of(2050, 9, 1), LocalDate.of(2050, 9, 3), "Geneva", MeetingStatus.values()[0], true));
        }

        @Override
        public List<String> statesTakingPart(long meetingId) {
            return meetingId == MEETING ? List.of("AT", "NO") : List.of();
        }
    }
}
