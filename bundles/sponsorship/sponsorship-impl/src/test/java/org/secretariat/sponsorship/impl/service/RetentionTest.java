package org.secretariat.sponsorship.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.sponsorship.api.SponsorshipStatistics.MeetingFigures;
import org.secretariat.sponsorship.impl.domain.Adjustment;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.AttendanceKind;
import org.secretariat.sponsorship.impl.domain.Gender;

/**
 * The erasure of personal data after {@code retainUntil}, on days the test chooses (an injected clock),
 * over a database of its own (it works on every application): nothing on the retention day itself, then
 * the names, e-mail, contacts link, mandate, free text and letter go while the donor report and the
 * statistics read the same; a letter two applications share stays until the second is erased; each
 * erasure is audited; an erased application changes no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest {

    private final TestModule module = TestModule.alone();

    @AfterAll
    void close() throws IOException {
        module.close();
    }

    private static final byte[] LETTER = "%PDF-1.4\n% a nomination letter signed by the minister\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void personalDataGoAfterRetainUntilWhileTheReportAndStatisticsStay() throws IOException {
        module.rates.importCsv("city,validFrom,currency,rate\nGeneva,2026-01-01,CHF,300\n");
        long meetingId = module.meeting("MSP", "Fourteenth Meeting of States Parties", LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 16),
                "Geneva");
        Funds.View fund = module.fund("Norway", "50000");
        Programmes.View programme = module.programme(fund.id(), meetingId, 30, 1, new Points.Weights(10, 5, 3, 2, 1));
        long p = programme.id();
        Applications.View president = module.applications.submit(p, new Applications.Input("SN", null, 7L, null, null, Gender.FEMALE, null, null,
                "fr", null, new BigDecimal("1200"), null, null), "isu");
        Applications.View early = module.applications.submit(p, new Applications.Input("BF", null, null, "Awa", "Ouedraogo", Gender.FEMALE,
                "awa@example.bf", true, "fr", false, new BigDecimal("1200"), LocalDate.of(2027, 1, 31), null), "isu");
        Applications.View later = module.applications.submit(p, new Applications.Input("BJ", null, null, "Koffi", "Adjovi", Gender.MALE, null,
                false, "fr", false, new BigDecimal("1200"), LocalDate.of(2028, 6, 30), null), "isu");
        assertEquals(LocalDate.of(2029, 9, 16), president.retainUntil(), "three years after the meeting by default");
        assertTrue(president.points().criteria().contains("mandate"), "person 7 holds the presidency (contacts)");
        module.letters.upload(p, early.id(), LETTER, "ouedraogo.pdf");
        Applications.View laterWithLetter = module.letters.upload(p, later.id(), LETTER, "adjovi.pdf");
        Path letter = module.letters.file(p, early.id()).orElseThrow();
        module.awards.adjust(p, later.id(), new Awards.AdjustmentInput(Adjustment.INCLUDE, "Mr Adjovi coordinates the clearance work",
                laterWithLetter.version()), "isu");

        Selection.View proposal = module.selection.proposal(p);
        module.selection.approve(p, new Selection.Approval(proposal.programmeVersion()), "director");
        Applications.View offered = module.applications.get(p, early.id());
        Applications.View accepted = module.awards.decide(p, early.id(), new Awards.DecisionInput(ApplicationStatus.ACCEPTED,
                "Ms Ouedraogo confirmed by telephone", offered.version()), "isu");
        module.awardsOn(LocalDate.of(2026, 9, 18)).attendance(p, early.id(), new Awards.AttendanceInput(AttendanceKind.PARTLY, 3,
                accepted.version()), "isu");

        DonorReports reports = new DonorReports(module.database.factory(), module.clock);
        DonorReports.Report before = reports.report(fund.id());
        List<MeetingFigures> figuresBefore = module.statistics.meetings();

        Retention.Report onTheDay = module.retentionOn(LocalDate.of(2027, 1, 31)).run(null);
        assertEquals(0, onTheDay.erased(), "kept through retainUntil itself");

        Retention.Report next = module.retentionOn(LocalDate.of(2027, 2, 1)).run(null);
        assertEquals(1, next.erased());
        assertEquals(List.of(early.id()), next.applications());
        assertEquals(0, next.lettersDeleted(), "the other application names the same letter");
        assertTrue(Files.isRegularFile(letter));

        Applications.View erased = module.applications.get(p, early.id());
        assertEquals(Retention.ERASED, erased.familyName());
        assertNull(erased.givenName());
        assertNull(erased.email());
        assertFalse(erased.consent());
        assertNull(erased.letter());
        assertNull(erased.participantId());
        assertEquals(Retention.ERASED, erased.reason());
        assertEquals(LocalDate.of(2027, 2, 1), erased.erasedOn());
        assertEquals(Gender.FEMALE, erased.gender(), "kept for the report and the statistics");
        assertEquals("BF", erased.stateIso2());
        assertEquals(AttendanceKind.PARTLY, erased.attendance());
        assertEquals(new BigDecimal("2200.00"), erased.spent());
        assertTrue(module.awards.decisions(p, early.id()).stream().allMatch(d -> d.reason().equals(Retention.ERASED)),
                "the decisions' reasons may name the person");
        assertTrue(module.letters.file(p, early.id()).isEmpty());

        assertEquals(before.awards(), reports.report(fund.id()).awards(), "the donor report reads the same");
        assertEquals(before.byGender(), reports.report(fund.id()).byGender());
        assertEquals(figuresBefore, module.statistics.meetings(), "the statistics read the same");

        TestModule.Audit.Event event = module.audit.events.get(0);
        assertEquals(new TestModule.Audit.Event(null, "sponsorship.application.erase", "/api/sponsorship/programmes/" + p + "/applications/"
                + early.id(), "success", "personal data erased after retention (retainUntil 2027-01-31)"), event);

        assertEquals(0, module.retentionOn(LocalDate.of(2027, 2, 2)).run(null).erased(), "erased once");
        DomainException refused = assertThrows(DomainException.class, () -> module.applications.update(p, early.id(),
                new Applications.Input("BF", null, null, "Awa", "Ouedraogo", Gender.FEMALE, null, false, "fr", false, new BigDecimal("1200"),
                        null, erased.version()), "isu"));
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertThrows(DomainException.class, () -> module.letters.upload(p, early.id(), LETTER, "again.pdf"));

        Retention.Report all = module.retentionOn(LocalDate.of(2029, 9, 17)).run("admin");
        assertEquals(List.of(president.id(), later.id()), all.applications());
        assertEquals(1, all.lettersDeleted(), "no application names the letter any more");
        assertFalse(Files.exists(letter));
        Applications.View presidentErased = module.applications.get(p, president.id());
        assertNull(presidentErased.personId(), "the link to the contacts person goes");
        assertFalse(presidentErased.mandateHolder(), "a presidency names one person");
        assertEquals(Retention.ERASED, module.applications.get(p, later.id()).adjustmentReason());
        assertEquals("admin", module.audit.events.get(2).actor());
        assertEquals(3, module.audit.events.size());
    }

    @Test
    void theDailyRunIsOnTheNodeHoldingTheLease() {
        java.util.Map<String, String> held = new java.util.HashMap<>();
        class Node implements org.secretariat.platform.api.cluster.Leases {
            private final String name;

            Node(String name) {
                this.name = name;
            }

            @Override
            public boolean hold(String lease, java.time.Duration period) {
                return held.computeIfAbsent(lease, l -> name).equals(name);
            }

            @Override
            public void release(String lease) {
                held.remove(lease, name);
            }

            @Override
            public java.util.Optional<String> holder(String lease) {
                return java.util.Optional.ofNullable(held.get(lease));
            }
        }
        LocalDate day = LocalDate.of(2035, 1, 1);
        Retention a = new Retention(module.database.factory(), module.letters, module.audit, TestModule.on(day), new Node("a"));
        Retention b = new Retention(module.database.factory(), module.letters, module.audit, TestModule.on(day), new Node("b"));
        assertEquals(day, a.daily().day());
        assertNull(b.daily(), "node b skips the run while node a holds " + Retention.LEASE);
        assertEquals("a", held.get(Retention.LEASE));
    }

    @Test
    void theDailyRunIsAtTwoUtc() {
        assertEquals(java.time.Duration.ofHours(1), Retention.untilNextRun(java.time.Instant.parse("2026-06-01T01:00:00Z")));
        assertEquals(java.time.Duration.ofHours(24), Retention.untilNextRun(java.time.Instant.parse("2026-06-01T02:00:00Z")));
        assertEquals(java.time.Duration.ofMinutes(30), Retention.untilNextRun(java.time.Instant.parse("2026-06-01T01:30:00Z")));
        assertEquals(java.time.Duration.ofHours(22), Retention.untilNextRun(java.time.Instant.parse("2026-06-01T04:00:00Z")));
    }
}
