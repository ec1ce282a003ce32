package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.api.earmarks.EarmarkedReceipt;
import org.secretariat.finance.impl.domain.ContributionKind;

/** What another module's fund reads of the earmarked contributions: their receipts by purpose. */
@ExtendWith(TestModule.Shared.class)
class EarmarksTest {

    private final TestModule module;

    EarmarksTest(TestModule module) {
        this.module = module;
    }

    @Test
    void theReceiptsOfTheEarmarkedContributionsOfAPurposeInTheirContributionsCurrency() {
        Earmarks earmarks = new Earmarks(module.database.factory());
        Contributions.View norway = module.contributions.pledge(new Contributions.Input(2051, ContributionKind.EARMARKED, "NO", null,
                new BigDecimal("30000"), "CHF", null, "Sponsorship 2051", LocalDate.of(2025, 1, 20), true));
        Contributions.View foundation = module.contributions.pledge(new Contributions.Input(2051, ContributionKind.EARMARKED, null,
                "Open Society Foundation", new BigDecimal("20000"), "CHF", null, "sponsorship 2051 ", LocalDate.of(2025, 2, 1), false));
        Contributions.View other = module.contributions.pledge(new Contributions.Input(2051, ContributionKind.EARMARKED, "DE", null,
                new BigDecimal("5000"), "CHF", null, "Victim assistance workshop", LocalDate.of(2025, 2, 1), true));
        module.contributions.pledge(new Contributions.Input(2051, ContributionKind.VOLUNTARY, "IE", null, new BigDecimal("7000"), "CHF", null,
                "Sponsorship 2051", LocalDate.of(2025, 2, 1), true));
        module.contributions.receive(norway.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 3, 1), new BigDecimal("20000"), null, null,
                "NO-1"), "assistant");
        module.contributions.receive(foundation.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 2, 15), new BigDecimal("20000"), null,
                null, null), "assistant");
        module.contributions.receive(other.id(), new Contributions.ReceiptInput(LocalDate.of(2025, 2, 15), new BigDecimal("5000"), null, null,
                null), "assistant");

        List<EarmarkedReceipt> receipts = earmarks.receipts("SPONSORSHIP 2051");
        assertEquals(List.of("Open Society Foundation", "NO"), receipts.stream().map(EarmarkedReceipt::contributor).collect(Collectors.toList()),
                "the purpose matched case and spaces aside, oldest first; a voluntary contribution of that purpose is no earmarking");
        assertEquals(0, new BigDecimal("40000").compareTo(receipts.stream().map(EarmarkedReceipt::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals("NO-1", receipts.get(1).reference());
        assertEquals("CHF", receipts.get(1).currency());
        assertEquals(norway.id(), receipts.get(1).contributionId());
        assertEquals(List.of(), earmarks.receipts("nothing of the kind"));
        assertEquals(List.of(), earmarks.receipts(" "));
        assertTrue(earmarks.purposes().containsAll(List.of("Sponsorship 2051", "Victim assistance workshop")), earmarks.purposes().toString());
    }
}
