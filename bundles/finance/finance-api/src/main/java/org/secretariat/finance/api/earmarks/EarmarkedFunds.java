package org.secretariat.finance.api.earmarks;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The money received for an earmarking: the receipts of the earmarked contributions recorded with a
 * purpose (e.g. "Sponsorship programme"), as the finance staff recorded them.
 */
@ProviderType
public interface EarmarkedFunds {

    /** The purposes of the earmarked contributions recorded, alphabetically, for a choice. */
    List<String> purposes();

    /**
     * The receipts of the earmarked contributions whose purpose is {@code purpose} (exactly, case aside),
     * oldest first, each in its contribution's currency.
     */
    List<EarmarkedReceipt> receipts(String purpose);
}
