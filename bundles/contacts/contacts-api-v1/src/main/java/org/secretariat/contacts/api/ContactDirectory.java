package org.secretariat.contacts.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Organisations, people, national focal points and mandates. Provided by the contacts module. */
@ProviderType
public interface ContactDirectory {

    Optional<ContactSummary> organisation(long id);

    Optional<ContactSummary> person(long id);

    /** Organisations and people whose name contains the text (case- and accent-insensitive), at most {@code limit}. */
    List<ContactSummary> search(String text, int limit);

    /** The national focal points of a state (people), for a theme or for all themes when theme is null. */
    List<ContactSummary> focalPoints(String iso2, String theme);

    /** Who held a mandate (e.g. {@code PRESIDENCY}, or {@code COORDINATOR} with a theme) on a date. */
    List<ContactSummary> mandateHolders(String mandate, String theme, LocalDate asOf);
}
