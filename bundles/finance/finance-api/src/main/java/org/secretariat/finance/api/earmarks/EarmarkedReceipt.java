package org.secretariat.finance.api.earmarks;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One receipt of an earmarked contribution: the finance receipt's id (stable, to recognise it again),
 * the contributor (a state's ISO code or the donor's name), the day, and the amount it settled in the
 * contribution's currency.
 */
@ProviderType
public record EarmarkedReceipt(long receiptId, long contributionId, String contributor, LocalDate receivedOn, BigDecimal amount,
        String currency, String reference) {
}
