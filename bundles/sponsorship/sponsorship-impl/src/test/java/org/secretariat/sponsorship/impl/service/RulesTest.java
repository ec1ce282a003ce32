package org.secretariat.sponsorship.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Gender;

/** Eligibility refused naming the rule, personal data, points from contacts and from earlier meetings, and the module without its partners. */
@ExtendWith(TestModule.Shared.class)
class RulesTest {

    private final TestModule module;

    RulesTest(TestModule module) {
        this.module = module;
    }

    private static void assertRefused(Kind kind, String field, String message, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(message, refusal.getMessage());
        assertEquals(kind, refusal.kind(), message);
        assertEquals(field, refusal.field(), message);
    }

    private static Applications.Input nominee(String state, String familyName) {
        return new Applications.Input(state, null, null, "Ann", familyName, Gender.FEMALE, null, false, null, false, new BigDecimal("900"), null, null);
    }

    private Programmes.View programme(String fundRegion, List<TreatyStatus> statuses) {
        long meetingId = module.meeting("IM", "Intersessional meeting", LocalDate.of(2026, 6, 20), LocalDate.of(2026, 6, 21), "Geneva");
        Funds.View fund = module.funds.create(new Funds.Input(null, null, "Donor", "CHF", new BigDecimal("10000"), null, null, fundRegion, null, null));
        return module.programmes.create(new Programmes.Input(fund.id(), meetingId, Instant.parse("2026-07-01T00:00:00Z"), 5, statuses, 1,
                BigDecimal.ZERO, new Points.Weights(10, 5, 3, 2, 1), null));
    }

    @Test
    void anIneligibleApplicationIsRefusedNamingTheRule() {
        Programmes.View parties = programme(null, List.of(TreatyStatus.STATE_PARTY));
        assertRefused(Kind.INVALID, "stateIso2", "ineligible (rule eligibleStatuses): AO is SIGNATORY; the programme takes [STATE_PARTY]",
                () -> module.applications.submit(parties.id(), nominee("AO", "Santos"), "isu"));

        module.programmes.importEligibleStates(parties.id(), "stateIso2,region\nLA,Asia\nsn,Africa\n");
        assertEquals(List.of(new Programmes.EligibleStateView("LA", "Asia"), new Programmes.EligibleStateView("SN", "Africa")),
                module.programmes.eligibleStates(parties.id()));
        assertRefused(Kind.INVALID, "stateIso2", "ineligible (rule eligibleStates): BF is not on the programme's list of eligible states",
                () -> module.applications.submit(parties.id(), nominee("BF", "Ouedraogo"), "isu"));
        assertEquals(ApplicationStatus.SUBMITTED, module.applications.submit(parties.id(), nominee("SN", "Sarr"), "isu").status());

        Programmes.View africa = programme("Africa", null);
        module.programmes.importEligibleStates(africa.id(), "stateIso2,region\nLA,Asia\nSN,Africa\n");
        assertRefused(Kind.INVALID, "stateIso2", "ineligible (rule earmarkRegion): the fund is earmarked for Africa; LA is in Asia",
                () -> module.applications.submit(africa.id(), nominee("LA", "Phommachanh"), "isu"));

        Applications late = module.applicationsWith(module.partners);
        Applications afterDeadline = new Applications(module.database.factory(), module.partners,
                java.time.Clock.fixed(Instant.parse("2026-07-01T00:00:01Z"), java.time.ZoneOffset.UTC));
        assertRefused(Kind.INVALID, "deadline", "ineligible (rule deadline): applications closed on 2026-07-01T00:00:00Z",
                () -> afterDeadline.submit(africa.id(), nominee("SN", "Ndiaye"), "isu"));
        assertEquals(ApplicationStatus.SUBMITTED, late.submit(africa.id(), nominee("SN", "Ndiaye"), "isu").status());
    }

    @Test
    void anAddressIsKeptOnlyWithConsentAndNoPassportFieldExists() {
        Programmes.View programme = programme(null, null);
        assertRefused(Kind.INVALID, "email", "an e-mail address is kept only with the person's consent: send consent true, or no email",
                () -> module.applications.submit(programme.id(), new Applications.Input("LA", null, null, "Souk", "Keo", Gender.MALE,
                        "keo@example.la", false, null, false, null, null, null), "isu"));
        Applications.View consented = module.applications.submit(programme.id(), new Applications.Input("LA", null, null, "Souk", "Keo",
                Gender.MALE, "keo@example.la", true, "fr", false, null, null, null), "isu");
        assertEquals("keo@example.la", consented.email());
        assertEquals(LocalDate.of(2029, 6, 21), consented.retainUntil(), "three years after the meeting by default");
        assertEquals("no fare quoted", consented.costMissing());
        assertTrue(java.util.Arrays.stream(Applications.Input.class.getRecordComponents())
                .noneMatch(c -> c.getName().toLowerCase().contains("passport") || c.getName().toLowerCase().contains("visa")));

        Applications.View fromContacts = module.applications.submit(programme.id(), new Applications.Input("SN", null, 8L, null, null, Gender.MALE,
                "ignored@example.sn", true, null, null, null, null, null), "isu");
        assertEquals(null, fromContacts.email(), "contacts gives no address without the person's consent");
        assertFalse(fromContacts.consent());
    }

    @Test
    void everyDecisionHasAReasonAndFollowsTheWorkflow() {
        Programmes.View programme = programme(null, null);
        Applications.View a = module.applications.submit(programme.id(), nominee("SN", "Faye"), "isu");
        assertRefused(Kind.INVALID, "reason", "reason is required", () -> module.awards.decide(programme.id(), a.id(),
                new Awards.DecisionInput(ApplicationStatus.INFORMATION_NEEDED, " ", a.version()), "isu"));
        assertRefused(Kind.INVALID, "status", "an application that is SUBMITTED can become [INFORMATION_NEEDED, WITHDRAWN, REJECTED], not ACCEPTED",
                () -> module.awards.decide(programme.id(), a.id(), new Awards.DecisionInput(ApplicationStatus.ACCEPTED, "yes",
                        a.version()), "isu"));
        Applications.View asked = module.awards.decide(programme.id(), a.id(), new Awards.DecisionInput(
                ApplicationStatus.INFORMATION_NEEDED, "the nomination letter is not signed", a.version()), "isu");
        Applications.View rejected = module.awards.decide(programme.id(), a.id(), new Awards.DecisionInput(ApplicationStatus.REJECTED,
                "no signed letter by the deadline", asked.version()), "isu");
        assertEquals("no signed letter by the deadline", rejected.reason());
        assertEquals(List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.INFORMATION_NEEDED, ApplicationStatus.REJECTED),
                module.awards.decisions(programme.id(), a.id()).stream().map(Awards.DecisionView::toStatus).toList());
        assertEquals(List.of(module.clock.instant()), module.awards.decisions(programme.id(), a.id()).stream().map(Awards.DecisionView::decidedAt)
                .distinct().toList(), "decisions are timed by the module's clock, not the system's");
    }

    @Test
    void pointsComeFromContactsAndFromTheEarlierMeetings() {
        long earlier = module.meeting("RC", "Review Conference 2025", LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 6), "Lima");
        long later = module.meeting("RC", "Review Conference 2026", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 5), "Lima");
        Funds.View fund = module.fund("Ireland", "20000");
        Programmes.View first = module.programmes.create(new Programmes.Input(fund.id(), earlier, Instant.parse("2025-10-01T00:00:00Z"), 5, null, 2,
                BigDecimal.ZERO, new Points.Weights(10, 5, 3, 2, 1), null));
        // the earlier programme's award, accepted: written as the workflow would have left it
        org.secretariat.platform.api.persistence.Transactions.inTransaction(module.database.factory(), em -> {
            org.secretariat.sponsorship.impl.domain.Application a = new org.secretariat.sponsorship.impl.domain.Application();
            a.programmeId = first.id();
            a.stateIso2 = "SN";
            a.stateName = "Senegal";
            a.treatyStatus = "STATE_PARTY";
            a.personId = 7L;
            a.familyName = "Amina Diallo";
            a.status = ApplicationStatus.ACCEPTED;
            a.submittedAt = Instant.parse("2025-09-01T00:00:00Z");
            a.retainUntil = LocalDate.of(2028, 11, 6);
            em.persist(a);
            return null;
        });
        Programmes.View second = module.programme(fund.id(), later, 5, 2, new Points.Weights(10, 5, 3, 2, 1));
        Applications.View amina = module.applications.submit(second.id(), new Applications.Input("SN", null, 7L, null, null, Gender.FEMALE, null,
                null, null, null, null, null, null), "isu");
        assertTrue(amina.mandateHolder(), "person 7 holds the presidency, as contacts says");
        assertEquals(new Points.Score(17, List.of("stateParty", "mandate", "genderBalance")), amina.points(),
                "Senegal was sponsored at the previous Review Conference, Amina took part then");
        Applications.View keo = module.applications.submit(second.id(), nominee("LA", "Keo"), "isu");
        assertEquals(16, keo.points().points());
    }

    @Test
    void withoutTheMeetingsModuleProgrammesAreReadOnly() {
        Programmes.View programme = programme(null, null);
        Programmes readOnly = new Programmes(module.database.factory(), module.withoutMeetings);
        assertTrue(readOnly.get(programme.id()).readOnly());
        assertFalse(module.programmes.get(programme.id()).readOnly());
        String refusal = " needs the meetings module, which is not installed: programmes are read-only without it";
        assertRefused(Kind.CONFLICT, null, "Setting up a programme" + refusal, () -> readOnly.create(new Programmes.Input(programme.fundId(),
                programme.meeting().id(), Instant.parse("2026-07-01T00:00:00Z"), 5, null, 1, BigDecimal.ZERO, null, null)));
        assertRefused(Kind.CONFLICT, null, "Submitting an application" + refusal,
                () -> module.applicationsWith(module.withoutMeetings).submit(programme.id(), nominee("SN", "Gueye"), "isu"));
        Selection selection = new Selection(module.database.factory(), module.withoutMeetings, module.clock);
        assertEquals(0, selection.proposal(programme.id()).funded(), "the proposal still reads");
        assertRefused(Kind.CONFLICT, null, "Approving a selection" + refusal, () -> selection.approve(programme.id(), new Selection.Approval(0), "d"));
    }

    @Test
    void withoutTheContactsModuleTheStatusAndNameAreGiven() {
        Programmes.View programme = programme(null, null);
        Applications alone = module.applicationsWith(new Partners(module.calendar, module.register, null, null));
        assertRefused(Kind.INVALID, "treatyStatus", "treatyStatus is required: the state's treaty status (the contacts module is not installed)",
                () -> alone.submit(programme.id(), nominee("SN", "Diop"), "isu"));
        Applications.View given = alone.submit(programme.id(), new Applications.Input("SN", TreatyStatus.SIGNATORY, null, null, "Diop", null, null,
                null, null, true, null, null, null), "isu");
        assertEquals("SIGNATORY", given.treatyStatus());
        assertTrue(given.mandateHolder(), "as declared");
    }

    @Test
    void importsRefuseTheLineAtFault() {
        assertRefused(Kind.INVALID, "file", "line 3: rate 'three hundred' is not a number such as 300 or 287.50",
                () -> module.rates.importCsv("city,validFrom,currency,rate\nLima,2026-01-01,PEN,300\nLima,2026-02-01,PEN,three hundred\n"));
        assertRefused(Kind.INVALID, "file", "line 1 names the columns city,validFrom,currency,rate (found town,from)",
                () -> module.rates.importCsv("town,from\nLima,2026-01-01\n"));
        assertTrue(module.rates.list("Lima").isEmpty(), "nothing of a refused file");
        Programmes.View programme = programme(null, null);
        assertRefused(Kind.INVALID, "file", "line 2: 'Laos' is not an ISO 3166-1 alpha-2 code such as LA",
                () -> module.programmes.importEligibleStates(programme.id(), "stateIso2,region\nLaos,Asia\n"));
    }
}
