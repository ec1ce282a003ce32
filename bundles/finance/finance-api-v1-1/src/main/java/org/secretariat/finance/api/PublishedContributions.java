package org.secretariat.finance.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The status of contributions as the finance staff published it, year by year: a snapshot taken as of
 * a date, unchanged by receipts recorded after it until it is published again. Only published figures
 * are offered here, and no donor of a voluntary contribution is named unless the contribution was
 * recorded as public. The finance module provides it; the website shows it.
 */
@ProviderType
public interface PublishedContributions {

    /** The year's published table, or empty when the year was never published. */
    Optional<ContributionTable> published(int year);

    /** The years with a published table, newest first. */
    List<Integer> publishedYears();
}
