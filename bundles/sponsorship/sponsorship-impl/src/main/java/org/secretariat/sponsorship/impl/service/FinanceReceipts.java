package org.secretariat.sponsorship.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;

import org.secretariat.finance.api.earmarks.EarmarkedFunds;
import org.secretariat.finance.api.earmarks.EarmarkedReceipt;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.sponsorship.impl.domain.Fund;
import org.secretariat.sponsorship.impl.domain.Receipt;

/**
 * What the finance module received for a fund: while finance is installed, the receipts of the earmarked
 * contributions whose purpose the fund names are copied into the fund's receipts, once each (by the
 * finance receipt's id), before a fund, its receipts, a proposal or a donor report is read. Copied, not
 * read through: a fund keeps what it received when finance is uninstalled. A receipt in another currency
 * than the fund's is left out (an earmarking in CHF does not fill a fund kept in EUR) and logged.
 */
final class FinanceReceipts {

    private static final Logger LOG = Logger.getLogger(FinanceReceipts.class.getName());
    static final String RECORDED_BY = "finance";

    private FinanceReceipts() {
    }

    /** Copies what is new in finance into every fund that names a purpose; nothing without the finance module. */
    static void follow(EntityManagerFactory factory, Partners partners, Clock clock) {
        EarmarkedFunds finance = partners.earmarks().orElse(null);
        if (finance == null) {
            return;
        }
        List<Fund> linked = Transactions.read(factory, em -> em.createQuery("SELECT f FROM Fund f WHERE f.financePurpose IS NOT NULL", Fund.class)
                .getResultList());
        for (Fund fund : linked) {
            List<EarmarkedReceipt> received = finance.receipts(fund.financePurpose);
            if (received.isEmpty()) {
                continue;
            }
            Transactions.inTransaction(factory, em -> {
                Set<Long> copied = new HashSet<>(em.createQuery("SELECT r.financeReceiptId FROM Receipt r WHERE r.fundId = :fund"
                        + " AND r.financeReceiptId IS NOT NULL", Long.class).setParameter("fund", fund.id).getResultList());
                for (EarmarkedReceipt receipt : received) {
                    if (copied.contains(receipt.receiptId())) {
                        continue;
                    }
                    if (!fund.currency.equals(receipt.currency().toUpperCase(Locale.ROOT))) {
                        LOG.warning(() -> "Sponsorship fund " + fund.id + " (" + fund.currency + "): finance receipt " + receipt.receiptId()
                                + " for '" + fund.financePurpose + "' is in " + receipt.currency() + " and is not counted");
                        continue;
                    }
                    Receipt copy = new Receipt();
                    copy.fundId = fund.id;
                    copy.financeReceiptId = receipt.receiptId();
                    copy.receivedOn = receipt.receivedOn();
                    copy.amount = receipt.amount();
                    copy.note = note(receipt);
                    copy.recordedBy = RECORDED_BY;
                    copy.recordedAt = Instant.now(clock);
                    em.persist(copy);
                }
                return null;
            });
        }
    }

    private static String note(EarmarkedReceipt receipt) {
        String text = "finance: " + receipt.contributor() + (receipt.reference() == null ? "" : ", " + receipt.reference());
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
