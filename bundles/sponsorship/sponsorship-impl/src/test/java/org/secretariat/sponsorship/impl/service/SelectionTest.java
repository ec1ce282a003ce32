package org.secretariat.sponsorship.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.sponsorship.api.SponsorshipStatistics.MeetingFigures;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.AttendanceKind;
import org.secretariat.sponsorship.impl.domain.Gender;

/**
 * The issue's example end to end over the module's database: a meeting of 12 to 16 September, fares of
 * 1,200, a DSA of 300, terminal expenses of 100, a fund of 50,000: 16 funded, 49,600, 400 left; the
 * approval commits, an accepted award registers a sponsored participant, a decline releases, a no-show
 * returns the DSA and terminal expenses.
 */
@ExtendWith(TestModule.Shared.class)
class SelectionTest {

    private static final List<String> STATES = List.of("BF", "BJ", "BI", "TD", "KM", "CD", "ML", "MZ", "NE", "RW", "TG", "UG", "GM", "GN", "LR",
        "MW", "MR", "SL", "SO", "ZM");

    private final TestModule module;

    SelectionTest(TestModule module) {
        this.module = module;
    }

    private static BigDecimal chf(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    @Test
    void fiftyThousandFundSixteenDelegatesOf3100() {
        module.rates.importCsv("city,validFrom,currency,rate\nGeneva,2026-01-01,CHF,280\nGENEVA,2026-09-01,CHF,300\n");
        long meetingId = module.meeting("MSP", "Fourteenth Meeting of States Parties", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 16),
                "Geneva");
        Funds.View fund = module.fund("Norway", "50000");
        Programmes.View programme = module.programme(fund.id(), meetingId, 30, 1, new Points.Weights(10, 5, 3, 2, 1));
        assertEquals(6, programme.meeting().nights());
        assertEquals(chf("300"), programme.dsaRate().rate(), "the rate of the city (case aside) from the latest date on or before the first day");

        List<Applications.View> submitted = new ArrayList<>();
        for (String state : STATES) {
            submitted.add(module.applications.submit(programme.id(), new Applications.Input(state, null, null, "Delegate", "of " + state,
                    Gender.FEMALE, null, false, "fr", false, new BigDecimal("1200"), null, null), "isu"));
        }
        assertEquals(chf("3100"), submitted.get(0).cost().total(), "1,200 + 6 × 300 + 100");
        assertEquals(16, submitted.get(0).points().points(), "State Party 10, not sponsored before 3, gender balance 2, first participation 1");

        Selection.View proposal = module.selection.proposal(programme.id());
        assertEquals(16, proposal.funded());
        assertEquals(chf("49600"), proposal.total());
        assertEquals(chf("400"), proposal.left());
        assertEquals(submitted.get(0).id(), proposal.lines().get(0).applicationId(), "equal points: the earliest first");
        assertEquals(Proposal.Outcome.BALANCE, proposal.lines().get(16).outcome());

        Selection.View approved = module.selection.approve(programme.id(), new Selection.Approval(proposal.programmeVersion()), "director");
        assertEquals("director", approved.approvedBy());
        Funds.Balance balance = module.funds.get(fund.id()).balance();
        assertEquals(new Funds.Balance(chf("50000"), chf("49600"), chf("0"), chf("400")), balance, "the approval commits the amounts");
        Applications.View first = module.applications.get(programme.id(), submitted.get(0).id());
        assertEquals(ApplicationStatus.OFFERED, first.status());
        assertEquals(ApplicationStatus.SUBMITTED, module.applications.get(programme.id(), submitted.get(19).id()).status(), "not funded: waiting");
        DomainException again = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
                () -> module.selection.approve(programme.id(), new Selection.Approval(approved.programmeVersion()), "director"));
        assertEquals(DomainException.Kind.CONFLICT, again.kind());

        Applications.View accepted = module.awards.decide(programme.id(), first.id(),
                new Awards.DecisionInput(ApplicationStatus.ACCEPTED, "accepted by the nominee on 3 June", first.version()), "isu");
        assertEquals(ApplicationStatus.ACCEPTED, accepted.status());
        TestModule.Register.Registered registered = module.register.byKey.get("sponsorship:application:" + first.id());
        assertEquals(meetingId, registered.meetingId());
        assertTrue(registered.delegate().sponsored());
        assertEquals("BF", registered.delegate().stateIso2());
        assertEquals(Long.valueOf(5000 + module.register.keys.indexOf("sponsorship:application:" + first.id())), accepted.participantId());

        Applications.View second = module.applications.get(programme.id(), submitted.get(1).id());
        module.awards.decide(programme.id(), second.id(), new Awards.DecisionInput(ApplicationStatus.DECLINED, "cannot travel",
                second.version()), "isu");
        assertEquals(chf("3500"), module.funds.get(fund.id()).balance().balance(), "a decline releases 3,100");

        Applications.View noShow = module.awardsOn(LocalDate.of(2026, 9, 18)).attendance(programme.id(), accepted.id(),
                new Awards.AttendanceInput(AttendanceKind.NO_SHOW, null, accepted.version()), "isu");
        assertEquals(chf("1200"), noShow.spent(), "the ticket was bought");
        assertNull(noShow.committed());
        assertEquals(new Funds.Balance(chf("50000"), chf("43400"), chf("1200"), chf("5400")), module.funds.get(fund.id()).balance(),
                "the no-show's DSA and terminal expenses (1,900) go back to the fund");

        Applications.View third = module.applications.get(programme.id(), submitted.get(2).id());
        third = module.awards.decide(programme.id(), third.id(), new Awards.DecisionInput(ApplicationStatus.ACCEPTED, "accepted",
                third.version()), "isu");
        Applications.View partly = module.awardsOn(LocalDate.of(2026, 9, 18)).attendance(programme.id(), third.id(),
                new Awards.AttendanceInput(AttendanceKind.PARTLY, 3, third.version()), "isu");
        assertEquals(chf("2200"), partly.spent(), "1,200 + 100 + 3 nights of 300");

        MeetingFigures figures = module.statistics.meetings().stream().filter(m -> m.meetingId() == meetingId).findFirst().orElseThrow();
        assertEquals(2, figures.sponsoredDelegates());
        assertEquals(2, figures.states());
        assertEquals(new BigDecimal("1.00"), figures.shareOfWomen());
    }
}
