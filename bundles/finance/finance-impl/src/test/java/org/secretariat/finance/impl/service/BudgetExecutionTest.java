package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.secretariat.finance.impl.service.LedgerTest.approvedBudget;
import static org.secretariat.finance.impl.service.LedgerTest.line;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.impl.domain.ActivityStatus;
import org.secretariat.finance.impl.domain.TransferStatus;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Budget against actual, transfers between lines and their threshold, the work plan, the States Parties' approval, default lines. */
@ExtendWith(TestModule.Shared.class)
class BudgetExecutionTest {

    private final TestModule module;

    BudgetExecutionTest(TestModule module) {
        this.module = module;
    }

    private void spend(String date, String line, String amount) {
        module.expenditures.record(new Expenditures.Input(LocalDate.parse(date), line, new BigDecimal(amount), null, null, null, null), "assistant");
    }

    private static Map<String, BudgetExecution.LineExecution> byCode(BudgetExecution.Execution execution) {
        return execution.lines().stream().collect(Collectors.toMap(BudgetExecution.LineExecution::code, l -> l));
    }

    @Test
    void varianceIsBudgetLessActualPerLineAndInTotal() {
        Budgets.View budget = approvedBudget(module, 2021, line("STAFF", "1000"), line("TRAVEL", "300"), line("RESERVE", "0"));
        spend("2021-02-01", "STAFF", "250.50");
        spend("2021-03-01", "TRAVEL", "450");
        spend("2021-03-02", "TRAVEL", "-50");
        spend("2021-04-01", "RESERVE", "10");
        spend("2020-12-31", "STAFF", "999");
        module.activities.create(new Activities.Input(2021, "A1", "Intersessional meeting", "STAFF", new BigDecimal("600"), "Q2", null, null));
        module.activities.create(new Activities.Input(2021, "A2", "Cancelled visit", "STAFF", new BigDecimal("300"), "Q3", ActivityStatus.CANCELLED, null));

        BudgetExecution.Execution execution = module.execution.execution(budget.id());
        assertEquals(LocalDate.of(2021, 1, 1), execution.from());
        assertEquals(LocalDate.of(2021, 12, 31), execution.to());
        assertEquals(List.of("STAFF", "TRAVEL", "RESERVE"), execution.lines().stream().map(BudgetExecution.LineExecution::code).collect(Collectors.toList()));
        BudgetExecution.LineExecution staff = byCode(execution).get("STAFF");
        assertEquals(new BigDecimal("1000.00"), staff.budget());
        assertEquals(new BigDecimal("250.50"), staff.actual());
        assertEquals(new BigDecimal("749.50"), staff.variance());
        assertEquals(new BigDecimal("74.95"), staff.variancePercent());
        assertEquals(new BigDecimal("600.00"), staff.planned(), "a cancelled activity plans nothing");
        BudgetExecution.LineExecution travel = byCode(execution).get("TRAVEL");
        assertEquals(new BigDecimal("400.00"), travel.actual(), "a refund counts against the spending");
        assertEquals(new BigDecimal("-100.00"), travel.variance());
        assertEquals(new BigDecimal("-33.33"), travel.variancePercent());
        BudgetExecution.LineExecution reserve = byCode(execution).get("RESERVE");
        assertEquals(new BigDecimal("-10.00"), reserve.variance());
        assertNull(reserve.variancePercent(), "no per cent of a budget of zero");
        assertEquals(new BigDecimal("1300.00"), execution.totals().budget());
        assertEquals(new BigDecimal("660.50"), execution.totals().actual());
        assertEquals(new BigDecimal("639.50"), execution.totals().variance());
        assertEquals(new BigDecimal("49.19"), execution.totals().variancePercent());
        assertEquals(new BigDecimal("600.00"), execution.totals().planned());
    }

    @Test
    void aSmallTransferAppliesAtOnceALargeOneWaitsForTheDirector() {
        Budgets.View budget = approvedBudget(module, 2022, line("STAFF", "1000"), line("TRAVEL", "500"), line("IT", "200"));
        long id = budget.id();
        BudgetExecution.TransferView small = module.execution.transfer(id, new BudgetExecution.TransferInput("STAFF", "TRAVEL", new BigDecimal("100"),
                "more missions"), "specialist");
        assertEquals(TransferStatus.APPLIED, small.status(), "10 % of 1000 is at the threshold");
        BudgetExecution.TransferView large = module.execution.transfer(id, new BudgetExecution.TransferInput("STAFF", "IT", new BigDecimal("100.01"),
                "new website"), "specialist");
        assertEquals(TransferStatus.PENDING, large.status(), "above 10 % of the approved 1000 (not of the 900 left)");
        Map<String, BudgetExecution.LineExecution> lines = byCode(module.execution.execution(id));
        assertEquals(new BigDecimal("900.00"), lines.get("STAFF").budget());
        assertEquals(new BigDecimal("-100.00"), lines.get("STAFF").transfers());
        assertEquals(new BigDecimal("600.00"), lines.get("TRAVEL").budget());
        assertEquals(new BigDecimal("200.00"), lines.get("IT").budget(), "a pending transfer moves nothing");

        BudgetExecution.TransferView approved = module.execution.approve(id, large.id(), "director");
        assertEquals(TransferStatus.APPLIED, approved.status());
        assertEquals("director", approved.decidedBy());
        assertEquals(new BigDecimal("300.01"), byCode(module.execution.execution(id)).get("IT").budget());
        assertEquals(new BigDecimal("1700.00"), module.execution.execution(id).totals().budget(), "transfers move money, never add it");
        assertRefused(Kind.CONFLICT, null, "Transfer " + large.id() + " is applied already", () -> module.execution.approve(id, large.id(), "director"));

        BudgetExecution.TransferView another = module.execution.transfer(id, new BudgetExecution.TransferInput("TRAVEL", "IT", new BigDecimal("400"),
                "servers"), "specialist");
        assertRefused(Kind.INVALID, "reason", "a rejection gives its reason",
                () -> module.execution.reject(id, another.id(), new BudgetExecution.Rejection(" ", null), "director"));
        BudgetExecution.TransferView rejected = module.execution.reject(id, another.id(), new BudgetExecution.Rejection("missions come first", null),
                "director");
        assertEquals(TransferStatus.REJECTED, rejected.status());
        assertEquals("missions come first", rejected.decisionReason());
        assertEquals(List.of(TransferStatus.REJECTED, TransferStatus.APPLIED, TransferStatus.APPLIED),
                module.execution.transfers(id).stream().map(BudgetExecution.TransferView::status).collect(Collectors.toList()));
    }

    @Test
    void noTransferLeavesALineBelowWhatWasSpentOnIt() {
        Budgets.View budget = approvedBudget(module, 2023, line("STAFF", "1000"), line("TRAVEL", "500"));
        spend("2023-05-01", "TRAVEL", "460");
        assertRefused(Kind.CONFLICT, null, "moving 50.00 CHF from line TRAVEL would leave it 450.00, less than the 460.00 spent on it",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("TRAVEL", "STAFF", new BigDecimal("50"), "x"), "s"));
        BudgetExecution.TransferView pending = module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("STAFF", "TRAVEL",
                new BigDecimal("300"), "conference"), "s");
        spend("2023-06-01", "STAFF", "800");
        assertRefused(Kind.CONFLICT, null, "moving 300.00 CHF from line STAFF would leave it 700.00, less than the 800.00 spent on it",
                () -> module.execution.approve(budget.id(), pending.id(), "director"));
        assertEquals(TransferStatus.PENDING, module.execution.transfers(budget.id()).get(0).status(), "still pending");

        BudgetExecution.TransferInput fine = new BudgetExecution.TransferInput("STAFF", "TRAVEL", BigDecimal.ONE, "x");
        assertRefused(Kind.INVALID, "to", "a transfer goes from one line to another: both are STAFF",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("STAFF", "STAFF", BigDecimal.ONE, "x"), "s"));
        assertRefused(Kind.INVALID, "from", "Budget 2023 revision 1 has no line IT",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("IT", "STAFF", BigDecimal.ONE, "x"), "s"));
        assertRefused(Kind.INVALID, "amount", "amount must be more than zero",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("STAFF", "TRAVEL", BigDecimal.ZERO, "x"), "s"));
        assertRefused(Kind.INVALID, "reason", "reason is required",
                () -> module.execution.transfer(budget.id(), new BudgetExecution.TransferInput("STAFF", "TRAVEL", BigDecimal.ONE, null), "s"));
        Budgets.View draft = module.budgets.create(new Budgets.Input(2023, "Revision", List.of(line("STAFF", "1")), null), "s");
        assertRefused(Kind.CONFLICT, null, "Budget 2023 revision 2 is draft: money moves between the lines of an approved budget; change the draft instead",
                () -> module.execution.transfer(draft.id(), fine, "s"));
        assertRefused(Kind.NOT_FOUND, null, "No transfer 999999 in budget " + budget.id(), () -> module.execution.approve(budget.id(), 999999, "d"));
    }

    @Test
    void theWorkPlansActivitiesAreUnderTheLinesOfTheYearsBudget() {
        Budgets.View budget = approvedBudget(module, 2024, line("STAFF", "1000"), line("MEETINGS", "5000"));
        Activities.View activity = module.activities.create(new Activities.Input(2024, "MSP", "Meeting of States Parties", "MEETINGS",
                new BigDecimal("4200"), "Q3", null, null));
        assertEquals(ActivityStatus.PLANNED, activity.status());
        assertEquals(new BigDecimal("4200.00"), activity.planned());
        assertRefused(Kind.CONFLICT, null, "the work plan of 2024 has an activity MSP already",
                () -> module.activities.create(new Activities.Input(2024, "MSP", "again", "MEETINGS", BigDecimal.ONE, null, null, null)));
        assertRefused(Kind.INVALID, "line", "the budgets of 2024 have no line TRAVEL; their lines: STAFF, MEETINGS",
                () -> module.activities.create(new Activities.Input(2024, "T", "trip", "TRAVEL", BigDecimal.ONE, null, null, null)));
        assertRefused(Kind.INVALID, "year", "fiscal year 2013 has no budget: draft one first",
                () -> module.activities.create(new Activities.Input(2013, "T", "trip", "STAFF", BigDecimal.ONE, null, null, null)));
        Activities.View ongoing = module.activities.update(activity.id(), new Activities.Input(2024, "MSP", "Meeting of States Parties", "MEETINGS",
                new BigDecimal("4500"), "Q3", ActivityStatus.ONGOING, activity.version()));
        assertEquals(ActivityStatus.ONGOING, ongoing.status());
        assertRefused(Kind.CONFLICT, null, "Activity " + activity.id() + " was changed by someone else (now version " + ongoing.version()
                + "); reload and try again", () -> module.activities.update(activity.id(), new Activities.Input(2024, "MSP", "x", "MEETINGS",
                        BigDecimal.ONE, null, null, activity.version())));
        assertEquals(new BigDecimal("4500.00"), byCode(module.execution.execution(budget.id())).get("MEETINGS").planned());

        module.expenditures.record(new Expenditures.Input(LocalDate.of(2024, 9, 1), "MEETINGS", new BigDecimal("120"), "interpreters", null,
                activity.id(), null), "assistant");
        assertRefused(Kind.INVALID, "activityId", "activity " + activity.id() + " is not in the work plan of 2024 under line STAFF",
                () -> module.expenditures.record(new Expenditures.Input(LocalDate.of(2024, 9, 1), "STAFF", BigDecimal.ONE, null, null, activity.id(), null), "a"));
        assertRefused(Kind.CONFLICT, null, "Activity MSP has 1 expenditure entries: set its status to CANCELLED instead",
                () -> module.activities.delete(activity.id()));
        Activities.View spare = module.activities.create(new Activities.Input(2024, "X", "spare", "STAFF", BigDecimal.ONE, null, null, null));
        module.activities.delete(spare.id());
        assertEquals(List.of("MSP"), module.activities.list(2024).stream().map(Activities.View::code).collect(Collectors.toList()));
    }

    @Test
    void theStatesPartiesApprovalIsRecordedOnAnApprovedRevision() {
        Budgets.View draft = module.budgets.create(new Budgets.Input(2015, "Budget 2015", List.of(line("STAFF", "1")), null), "s");
        Budgets.StatesPartiesInput decision = new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), "CCM/MSP/2014/5, para. 31", null, null, null);
        assertRefused(Kind.CONFLICT, null, "Budget 2015 revision 1 is draft: the Director approves it before the States Parties' approval is recorded",
                () -> module.budgets.recordStatesPartiesApproval(draft.id(), decision));
        module.budgets.propose(draft.id());
        module.budgets.approve(draft.id(), "director");
        Budgets.View recorded = module.budgets.recordStatesPartiesApproval(draft.id(), decision);
        assertEquals(new Budgets.StatesPartiesApproval(LocalDate.of(2014, 9, 4), "CCM/MSP/2014/5, para. 31", null, null, null, null), recorded.statesPartiesApproval());
        assertEquals(recorded.statesPartiesApproval(), module.budgets.get(draft.id()).statesPartiesApproval());
        assertRefused(Kind.INVALID, "reference", "name the States Parties' decision (reference) or the meeting (meetingId)",
                () -> module.budgets.recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, null, null, null)));
        assertRefused(Kind.INVALID, "approvedOn", "approvedOn is in the future", () -> module.budgets.recordStatesPartiesApproval(draft.id(),
                new Budgets.StatesPartiesInput(TestModule.TODAY.plusDays(1), "x", null, null, null)));

        // Without the meetings module a meeting id is kept unchecked; with it, it must be a meeting (public or not) that sat that day.
        Budgets.View unchecked = module.budgets.recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, 77L, null,
                null));
        assertEquals(77L, unchecked.statesPartiesApproval().meetingId());
        assertNull(unchecked.statesPartiesApproval().meeting());
        org.secretariat.meetings.api.MeetingDecisions decisions = (meetingId, number) -> meetingId == 5 && number == 3
                ? Optional.of(new org.secretariat.meetings.api.MeetingDecisions.Decision(5, 3, "DECISION", "Budget for 2015", LocalDate.of(2014, 9, 4)))
                : Optional.empty();
        Budgets withMeetings = new Budgets(module.database.factory(), module.profile, module.settings, new AttendingStates(new Attendance(new MeetingSummary(5,
                "MSP", 5, "Fifth Meeting of States Parties", LocalDate.of(2014, 9, 2), LocalDate.of(2014, 9, 5), "San José", MeetingStatus.CONCLUDED, false)),
                decisions), module.clock);
        Budgets.View checked = withMeetings.recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, 5L, null, null));
        assertEquals("MSP 5 Fifth Meeting of States Parties", checked.statesPartiesApproval().meeting());
        Budgets.View cited = withMeetings.recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, 5L, 3, null));
        assertEquals("Decision 3: Budget for 2015", cited.statesPartiesApproval().decisionTitle());
        assertEquals(Integer.valueOf(3), module.budgets.get(draft.id()).statesPartiesApproval().decision());
        assertRefused(Kind.INVALID, "decision", "meeting 5 has no decision 4", () -> withMeetings.recordStatesPartiesApproval(draft.id(),
                new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, 5L, 4, null)));
        assertRefused(Kind.INVALID, "approvedOn", "decision 3 was adopted on 2014-09-04, not on 2014-09-03", () -> withMeetings
                .recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 3), null, 5L, 3, null)));
        assertRefused(Kind.INVALID, "decision", "a decision is numbered within its meeting: give meetingId too", () -> withMeetings
                .recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), "x", null, 3, null)));
        assertRefused(Kind.INVALID, "meetingId", "the meetings module knows no meeting 77", () -> withMeetings
                .recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 4), null, 77L, null, null)));
        assertRefused(Kind.INVALID, "approvedOn", "MSP 5 Fifth Meeting of States Parties sat from 2014-09-02 to 2014-09-05, not on 2014-09-10",
                () -> withMeetings.recordStatesPartiesApproval(draft.id(), new Budgets.StatesPartiesInput(LocalDate.of(2014, 9, 10), null, 5L, null, null)));
    }

    @Test
    void aBudgetWithoutLinesStartsFromTheConfiguredDefaultLines() {
        Budgets.View standard = module.budgets.create(new Budgets.Input(2014, "Budget 2014", null, null), "s");
        assertEquals(List.of("STAFF", "TRAVEL", "MEETINGS", "IT", "OVERHEAD", "RESERVE"),
                standard.lines().stream().map(Budgets.Line::code).collect(Collectors.toList()));
        assertEquals("IT and website", standard.lines().get(3).title());
        assertEquals(new BigDecimal("0.00"), standard.total());

        BudgetSettings configured = new BudgetSettings(Map.of("defaultLines", new String[] {"1=Staff costs", "2 = Travel"}, "transferApprovalShare", "5"));
        assertEquals(List.of(new BudgetSettings.DefaultLine("1", "Staff costs"), new BudgetSettings.DefaultLine("2", "Travel")), configured.defaultLines());
        assertEquals(new BigDecimal("5"), configured.transferApprovalShare());
        assertEquals(List.of("A", "B"), new BudgetSettings(Map.of("defaultLines", "A=Alpha|B=Beta")).defaultLines().stream()
                .map(BudgetSettings.DefaultLine::code).collect(Collectors.toList()));
        assertEquals(new BigDecimal("10"), new BudgetSettings(Map.of()).transferApprovalShare());
        assertEquals("org.secretariat.finance defaultLines: 'Staff' is not CODE=Title (code up to 20 characters)",
                assertThrows(IllegalArgumentException.class, () -> new BudgetSettings(Map.of("defaultLines", "Staff"))).getMessage());
        assertEquals("org.secretariat.finance transferApprovalShare: '150' is not a percentage from 0 to 100",
                assertThrows(IllegalArgumentException.class, () -> new BudgetSettings(Map.of("transferApprovalShare", "150"))).getMessage());
    }

    /** The meetings module's attendance, with the meeting given. */
    private record Attendance(MeetingSummary known) implements MeetingAttendance {
        @Override
        public Optional<MeetingSummary> meeting(long meetingId) {
            return known.id() == meetingId ? Optional.of(known) : Optional.empty();
        }

        @Override
        public List<String> statesTakingPart(long meetingId) {
            throw new UnsupportedOperationException();
        }
    }
}
