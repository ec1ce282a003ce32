package org.secretariat.platform.api;

import java.time.MonthDay;
import java.util.Currency;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The convention this platform serves, read from the configuration {@value #PID}, never from code: a
 * second profile runs the same bundles for another treaty.
 *
 * <p>The profile is one file for an administrator, but each part belongs to whoever uses it. The
 * platform reads and checks what every module shares (name, acronym, working languages, thematic
 * areas, fiscal year, currency). A module reads and checks its own keys from the same configuration
 * (a component may take {@value #PID} as its configuration PID): meeting types and the
 * document-symbol pattern belong to the meetings module, the entry-into-force rule to the contacts
 * module. The methods for those keys stay for modules built against 1.0 and 1.1 (meetings 1.0.0
 * calls them); they answer the values as written, unchecked.
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
     *
     * @deprecated the meetings module owns this setting: it reads {@code documentSymbolPattern} from
     *             {@value #PID} itself and checks it (meetings 1.1: {@code MeetingSettings}). Kept for
     *             meetings 1.0.0; answers the pattern as written, unchecked.
     */
    @Deprecated
    String documentSymbolPattern();

    /** First day of the fiscal year. */
    MonthDay fiscalYearStart();

    /** Currency of the unit's budget. */
    Currency currency();

    /**
     * How a state's entry into force follows from the deposit of its instrument.
     *
     * @deprecated the contacts module owns this setting and the rule: it reads {@code entryIntoForce}
     *             from {@value #PID} itself and checks it ({@code ContactSettings}). Kept for modules
     *             built against 1.0 and 1.1.
     * @throws IllegalStateException when the configured text is not a rule (the contacts module
     *             reports it in health)
     */
    @Deprecated
    EntryIntoForceRule entryIntoForceRule();

    /**
     * The kinds of meeting the convention holds, by the code used in document symbols (e.g.
     * {@code MSP} → "Meeting of States Parties", {@code RC} → "Review Conference"), in display order.
     *
     * @since 1.1
     * @deprecated the meetings module owns this setting: it reads {@code meetingTypes} from
     *             {@value #PID} itself and checks it (meetings 1.1: {@code MeetingSettings}). Kept for
     *             meetings 1.0.0; answers the entries written as {@code CODE=Name}, others left out.
     */
    @Deprecated
    default java.util.Map<String, String> meetingTypes() {
        return java.util.Map.of();
    }
}
