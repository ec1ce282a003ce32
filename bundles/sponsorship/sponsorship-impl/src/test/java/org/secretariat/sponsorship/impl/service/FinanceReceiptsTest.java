package org.secretariat.sponsorship.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.finance.api.earmarks.EarmarkedFunds;
import org.secretariat.finance.api.earmarks.EarmarkedReceipt;
import org.secretariat.platform.api.domain.DomainException;

/** A fund's receipts taken from the finance module's earmarked contributions, kept when finance leaves. */
@ExtendWith(TestModule.Shared.class)
class FinanceReceiptsTest {

    private final TestModule module;

    FinanceReceiptsTest(TestModule module) {
        this.module = module;
    }

    /** The finance module's earmarked receipts, as a test sets them. */
    private static final class Ledger implements EarmarkedFunds {
        final List<EarmarkedReceipt> receipts = new ArrayList<>();

        @Override
        public List<String> purposes() {
            return receipts.stream().map(r -> "Sponsorship 2027").distinct().collect(Collectors.toList());
        }

        @Override
        public List<EarmarkedReceipt> receipts(String purpose) {
            return purpose.toLowerCase(Locale.ROOT).equals("sponsorship 2027") ? List.copyOf(receipts) : List.of();
        }
    }

    private static BigDecimal received(Funds.View fund) {
        return fund.balance().received();
    }

    @Test
    void receiptsForTheFundsPurposeAreCopiedOnceInItsCurrencyAndStayWithoutFinance() {
        Ledger ledger = new Ledger();
        ledger.receipts.add(new EarmarkedReceipt(101, 11, "NO", LocalDate.of(2025, 1, 10), new BigDecimal("30000.00"), "CHF", "NO-1"));
        ledger.receipts.add(new EarmarkedReceipt(102, 12, "Open Society Foundation", LocalDate.of(2025, 2, 1), new BigDecimal("5000.00"), "EUR", null));
        Funds withFinance = new Funds(module.database.factory(), new Partners(null, null, null, null, ledger), module.clock);
        Funds withoutFinance = new Funds(module.database.factory(), new Partners(null, null, null, null), module.clock);

        Funds.View fund = withFinance.create(new Funds.Input(null, null, "Donors of the sponsorship programme", "CHF", new BigDecimal("50000"),
                null, 2027, null, "Sponsorship 2027", null));
        assertEquals(0, new BigDecimal("30000").compareTo(received(fund)), "the CHF receipt counts; the EUR one does not fill a CHF fund");
        assertEquals(List.of(101L), withFinance.receipts(fund.id()).stream().map(Funds.ReceiptView::financeReceiptId).collect(Collectors.toList()));
        assertEquals("finance: NO, NO-1", withFinance.receipts(fund.id()).get(0).note());

        ledger.receipts.add(new EarmarkedReceipt(103, 11, "NO", LocalDate.of(2025, 3, 10), new BigDecimal("20000.00"), "CHF", "NO-2"));
        withFinance.get(fund.id());
        withFinance.list();
        assertEquals(0, new BigDecimal("50000").compareTo(received(withFinance.get(fund.id()))), "each finance receipt once");

        DomainException typed = assertThrows(DomainException.class, () -> withFinance.receive(fund.id(),
                new Funds.ReceiptInput(LocalDate.of(2025, 3, 12), new BigDecimal("100"), "typed"), "specialist"));
        assertEquals(DomainException.Kind.CONFLICT, typed.kind(), "finance keeps this fund's receipts");
        DomainException twice = assertThrows(DomainException.class, () -> withFinance.create(new Funds.Input(null, null, "Another",
                "CHF", new BigDecimal("1"), null, null, null, "sponsorship 2027 ", null)));
        assertEquals(DomainException.Kind.CONFLICT, twice.kind(), "one fund a purpose");
        DomainException moved = assertThrows(DomainException.class, () -> withFinance.update(fund.id(), new Funds.Input(null, null,
                "Donors of the sponsorship programme", "CHF", new BigDecimal("50000"), null, 2027, null, "Sponsorship 2028", fund.version())));
        assertEquals(DomainException.Kind.CONFLICT, moved.kind(), "a fund holding finance receipts keeps its purpose");

        // The finance module uninstalled: the fund keeps what it received, and takes typed receipts again.
        assertEquals(0, new BigDecimal("50000").compareTo(received(withoutFinance.get(fund.id()))));
        withoutFinance.receive(fund.id(), new Funds.ReceiptInput(LocalDate.of(2025, 3, 12), new BigDecimal("100"), "cash at the meeting"), "specialist");
        assertEquals(0, new BigDecimal("50100").compareTo(received(withoutFinance.get(fund.id()))));
    }
}
