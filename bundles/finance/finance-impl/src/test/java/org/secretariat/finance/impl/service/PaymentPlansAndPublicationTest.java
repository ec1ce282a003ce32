package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.finance.impl.service.TestModule.assertRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.api.ContributionTotals;
import org.secretariat.finance.api.DonorContribution;
import org.secretariat.finance.api.StateContribution;
import org.secretariat.finance.impl.domain.ContributionKind;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** Payment plans for arrears; the published status of contributions. Today is 15 March 2025. */
@ExtendWith(TestModule.Shared.class)
class PaymentPlansAndPublicationTest {

    private final TestModule module;

    PaymentPlansAndPublicationTest(TestModule module) {
        this.module = module;
    }

    private void assess(int year, String... states) {
        module.assessments.save(new Assessments.Input(year, new BigDecimal("1000"), "equal", Map.of(), List.of(states).stream().map(s -> new Assessments.RateInput(s, null)).collect(Collectors.toList()), null), "director");
    }

    private long contribution(int year, String state) {
        return module.contributions.list(year, state).stream().filter(c -> c.kind() == ContributionKind.ASSESSED).findFirst().orElseThrow().id();
    }

    private void receive(long contribution, String amount, LocalDate on) {
        module.contributions.receive(contribution, new Contributions.ReceiptInput(on, new BigDecimal(amount), null, null, null), "assistant");
    }

    private static PaymentPlans.InstalmentInput due(String day, String amount) {
        return new PaymentPlans.InstalmentInput(LocalDate.parse(day), new BigDecimal(amount));
    }

    @Test
    void aPlansInstalmentsAddUpAndArePaidInTurnByReceiptsOnItsContributions() {
        assess(2019, "YP", "YQ");
        assess(2020, "YP", "YQ");
        receive(contribution(2019, "YQ"), "500", LocalDate.of(2024, 6, 1));
        receive(contribution(2020, "YQ"), "500", LocalDate.of(2024, 6, 1));
        receive(contribution(2019, "YP"), "100", LocalDate.of(2025, 1, 5));

        // YP owed 900 on 1 February; a plan for all of it, in three instalments, the first already past.
        PaymentPlans.View plan = module.paymentPlans.create(new PaymentPlans.Input("yp", LocalDate.of(2025, 2, 1), null, "agreed at the MSP",
                List.of(due("2025-03-01", "300"), due("2025-06-30", "300"), due("2025-12-31", "300")), null), "specialist");
        assertEquals(new BigDecimal("900.00"), plan.amount());
        assertEquals(List.of(2019, 2020), plan.covers().stream().map(PaymentPlans.Covered::year).collect(Collectors.toList()));
        assertEquals(List.of("LATE", "DUE", "DUE"), statuses(plan));
        assertTrue(plan.overdue());
        assertTrue(module.paymentPlans.list(null, true).stream().anyMatch(p -> p.id() == plan.id()), "listed with the overdue plans");

        // Receipts on the covered contributions pay the instalments in turn, from the day agreed on (the 100 of January does not count).
        receive(contribution(2020, "YP"), "350", LocalDate.of(2025, 3, 10));
        PaymentPlans.View paying = module.paymentPlans.get(plan.id());
        assertEquals(List.of("PAID", "DUE", "DUE"), statuses(paying));
        assertEquals(List.of(new BigDecimal("300.00"), new BigDecimal("50.00"), new BigDecimal("0.00")),
                paying.instalments().stream().map(PaymentPlans.InstalmentView::paid).collect(Collectors.toList()));
        assertEquals(new BigDecimal("550.00"), paying.remaining());
        assertFalse(paying.overdue());
        assertTrue(module.paymentPlans.list("YP", true).isEmpty(), "no longer overdue");

        // Changed with the version read; a stale version is a conflict.
        PaymentPlans.View changed = module.paymentPlans.update(plan.id(), new PaymentPlans.Input(null, null, new BigDecimal("900"), null,
                List.of(due("2025-03-01", "350"), due("2025-09-30", "550")), paying.version()));
        assertEquals(List.of("PAID", "DUE"), statuses(changed));
        assertRefused(Kind.CONFLICT, null, "Payment plan " + plan.id() + " was changed by someone else (now version " + changed.version()
                + "); reload and try again", () -> module.paymentPlans.update(plan.id(), new PaymentPlans.Input(null, null, null, null,
                        List.of(due("2025-09-30", "900")), paying.version())));

        // Refusals.
        assertRefused(Kind.INVALID, "instalments", "the instalments add up to 899.99 CHF, not the 900.00 CHF the plan covers",
                () -> module.paymentPlans.create(new PaymentPlans.Input("YP", LocalDate.of(2025, 2, 1), null, null,
                        List.of(due("2025-04-01", "450"), due("2025-05-01", "449.99")), null), "specialist"));
        assertRefused(Kind.INVALID, "instalments", "instalment 2 is due on 2025-04-01, not after instalment 1 (2025-04-01): the days must ascend",
                () -> module.paymentPlans.create(new PaymentPlans.Input("YP", LocalDate.of(2025, 2, 1), null, null,
                        List.of(due("2025-04-01", "450"), due("2025-04-01", "450")), null), "specialist"));
        assertRefused(Kind.INVALID, "amount", "the plan covers 1000.00 CHF but YP owed 900.00 CHF on 2025-02-01",
                () -> module.paymentPlans.create(new PaymentPlans.Input("YP", LocalDate.of(2025, 2, 1), new BigDecimal("1000"), null,
                        List.of(due("2025-04-01", "1000")), null), "specialist"));
        assertRefused(Kind.INVALID, "state", "YQ has no arrears: nothing assessed before 2025 was outstanding on 2025-03-15",
                () -> module.paymentPlans.create(new PaymentPlans.Input("YQ", null, null, null, List.of(due("2025-04-01", "1")), null), "specialist"));
        assertRefused(Kind.INVALID, "state", "YZ has no arrears: nothing assessed before 2025 was outstanding on 2025-03-15",
                () -> module.paymentPlans.create(new PaymentPlans.Input("YZ", null, null, null, List.of(due("2025-04-01", "1")), null), "specialist"));

        module.paymentPlans.delete(plan.id());
        assertRefused(Kind.NOT_FOUND, null, "No payment plan " + plan.id(), () -> module.paymentPlans.get(plan.id()));
    }

    private static List<String> statuses(PaymentPlans.View plan) {
        return plan.instalments().stream().map(PaymentPlans.InstalmentView::status).collect(Collectors.toList());
    }

    @Test
    void aPublishedTableIsASnapshotThatNamesOnlyPublicDonors() {
        assess(2077, "YC", "YD");
        receive(contribution(2077, "YC"), "500", LocalDate.of(2025, 3, 1));
        receive(contribution(2077, "YD"), "100", LocalDate.of(2025, 3, 12));
        pledgeAndReceive("YC", null, "300", true);
        pledgeAndReceive("YD", null, "40", false);
        pledgeAndReceive(null, "Foundation for Peace", "200", true);
        pledgeAndReceive(null, "A donor who asked not to be named", "1000", false);
        pledgeAndReceive("YE", null, "5", false);

        ContributionTable published = module.publications.publish(2077, LocalDate.of(2025, 3, 10), "director");
        assertEquals(LocalDate.of(2025, 3, 10), published.asOf());
        assertEquals(List.of(new StateContribution("YC", null, new BigDecimal("500.00"), new BigDecimal("500.00"), new BigDecimal("0.00"),
                new BigDecimal("300.00"), "PAID"), new StateContribution("YD", null, new BigDecimal("500.00"), new BigDecimal("0.00"),
                        new BigDecimal("500.00"), new BigDecimal("0.00"), "UNPAID")), published.states(),
                "YD's receipt of the 12th is after the day published; its voluntary 40 is not shown; YE (unnamed voluntary only) has no line");
        assertEquals(List.of(new DonorContribution("Foundation for Peace", new BigDecimal("200.00"))), published.donors());
        assertEquals(new ContributionTotals(new BigDecimal("1000.00"), new BigDecimal("500.00"), new BigDecimal("500.00"), new BigDecimal("1545.00"),
                new BigDecimal("1045.00")), published.totals());

        // Later receipts do not change what was published, until it is published again.
        receive(contribution(2077, "YD"), "300", LocalDate.of(2025, 3, 14));
        assertEquals(Optional.of(published), module.publications.published(2077));
        assertEquals("PARTLY_PAID", module.contributions.status(2077).states().stream().filter(s -> s.state().equals("YD")).findFirst().orElseThrow()
                .status(), "the staff see every receipt");
        ContributionTable again = module.publications.publish(2077, null, "director");
        assertEquals(LocalDate.of(2025, 3, 15), again.asOf());
        assertEquals(new BigDecimal("400.00"), again.states().get(1).received());
        assertTrue(module.publications.publishedYears().contains(2077));

        assertEquals(Optional.empty(), module.publications.published(2078), "a year never published");
        assertRefused(Kind.INVALID, "asOf", "asOf is in the future: a status is published as of today or a day before",
                () -> module.publications.publish(2077, LocalDate.of(2025, 3, 16), "director"));
        assertRefused(Kind.INVALID, "year", "nothing to publish for 2079: no contribution is assessed and no voluntary contribution received",
                () -> module.publications.publish(2079, null, "director"));
    }

    private void pledgeAndReceive(String state, String donor, String amount, boolean publicDonor) {
        Contributions.View pledge = module.contributions.pledge(new Contributions.Input(2077, ContributionKind.VOLUNTARY, state, donor, new BigDecimal(amount),
                null, null, null, LocalDate.of(2025, 1, 10), publicDonor));
        receive(pledge.id(), amount, LocalDate.of(2025, 2, 1));
    }
}
