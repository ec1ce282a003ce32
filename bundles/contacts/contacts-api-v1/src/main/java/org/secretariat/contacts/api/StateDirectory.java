package org.secretariat.contacts.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The states and their status toward the convention. Provided by the contacts module. */
@ProviderType
public interface StateDirectory {

    /** The state with this ISO 3166-1 alpha-2 code (any case). */
    Optional<StateSummary> state(String iso2);

    /** The states with a status, by English name. */
    List<StateSummary> states(TreatyStatus status);

    StateCounts counts();
}
