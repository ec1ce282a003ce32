package org.secretariat.platform.api;

import java.time.MonthDay;
import java.util.Currency;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The convention this platform serves. Everything convention-specific lives here, read from the
 * configuration {@value #PID}, never from code: a second profile runs the same bundles for another
 * treaty.
 */
@ProviderType
public interface ConventionProfile {

    /** Configuration PID of the profile. */
    String PID = "org.secretariat.profile";

    /** Full name, e.g. "Convention on Cluster Munitions". */
    String name();

    /** Short name used in document symbols and titles, e.g. "CCM". */
    String acronym();

    /** ISO 639-1 codes of the working languages, the first one being the default. */
    List<String> workingLanguages();

    /** Thematic areas of the convention's work (e.g. clearance, victim assistance). */
    List<String> thematicAreas();

    /**
     * Pattern of official document symbols, e.g. {@code {acronym}/{meetingType}/{year}/{category}.{sequence}}.
     */
    String documentSymbolPattern();

    /** First day of the fiscal year. */
    MonthDay fiscalYearStart();

    /** Currency of the unit's budget. */
    Currency currency();

    /** How a state's entry into force follows from the deposit of its instrument. */
    EntryIntoForceRule entryIntoForceRule();

    /**
     * The kinds of meeting the convention holds, by the code used in document symbols (e.g.
     * {@code MSP} → "Meeting of States Parties", {@code RC} → "Review Conference"), in display order.
     *
     * @since 1.1
     */
    default java.util.Map<String, String> meetingTypes() {
        return java.util.Map.of();
    }
}
