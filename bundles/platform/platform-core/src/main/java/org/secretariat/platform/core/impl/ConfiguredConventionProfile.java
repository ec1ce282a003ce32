package org.secretariat.platform.core.impl;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;

/**
 * The convention profile read from configuration. A profile with a wrong value in the part the
 * platform owns (name, acronym, working languages, thematic areas, fiscal year, currency) does not
 * start: its activation fails with a message naming the key, which the health check then reports.
 *
 * <p>The keys modules own ({@code meetingTypes}, {@code documentSymbolPattern}: meetings;
 * {@code entryIntoForce}: contacts) are checked by those modules, which read them from the same
 * configuration; a wrong value there never stops the platform's profile. The deprecated methods
 * still answer them, as written, for modules built against the older API (meetings 1.0.0).
 */
@SuppressWarnings("deprecation")
@Component(service = ConventionProfile.class, configurationPid = ConventionProfile.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProfileConfiguration.class)
public class ConfiguredConventionProfile implements ConventionProfile {

    private static final Logger LOG = Logger.getLogger(ConfiguredConventionProfile.class.getName());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** The pattern when the profile has none, as {@link ProfileConfiguration} says. */
    static final String DEFAULT_SYMBOL_PATTERN = "{acronym}/{meetingType}/{year}/{category}.{sequence}";

    private final String name;
    private final String acronym;
    private final List<String> workingLanguages;
    private final List<String> thematicAreas;
    private final String documentSymbolPattern;
    private final MonthDay fiscalYearStart;
    private final Currency currency;
    private final String entryIntoForce;
    /** Null when {@link #entryIntoForce} is not a rule. */
    private final EntryIntoForceRule entryIntoForceRule;
    private final Map<String, String> meetingTypes;

    @Activate
    public ConfiguredConventionProfile(ProfileConfiguration configuration) {
        this.name = required("name", configuration.name());
        this.acronym = required("acronym", configuration.acronym());
        this.workingLanguages = languages(configuration.workingLanguages());
        this.thematicAreas = List.copyOf(nonBlank(configuration.thematicAreas()));
        this.fiscalYearStart = monthDay(configuration.fiscalYearStart());
        this.currency = currency(configuration.currency());
        // Owned and checked by modules; kept, unchecked, for the deprecated methods.
        this.documentSymbolPattern = asWritten(configuration.documentSymbolPattern(), DEFAULT_SYMBOL_PATTERN);
        this.entryIntoForce = asWritten(configuration.entryIntoForce(), "");
        this.entryIntoForceRule = ruleOrNull(entryIntoForce);
        this.meetingTypes = wellFormedMeetingTypes(configuration.meetingTypes());
        LOG.info(() -> "Convention profile: " + name + " (" + acronym + "), languages " + workingLanguages);
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("profile key '" + key + "' is missing or empty");
        }
        return value.trim();
    }

    private static String asWritten(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    /**
     * The entries written as {@code CODE=Name}, first of a code kept, in the written order; the meetings
     * module checks the key and names what is wrong.
     */
    private static Map<String, String> wellFormedMeetingTypes(String[] values) {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        for (String entry : nonBlank(values)) {
            int equals = entry.indexOf('=');
            String code = equals < 0 ? "" : entry.substring(0, equals).trim();
            String label = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (!code.isEmpty() && !label.isEmpty()) {
                types.putIfAbsent(code, label);
            }
        }
        return java.util.Collections.unmodifiableMap(types);
    }

    private static List<String> nonBlank(String[] values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            Arrays.stream(values).filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(result::add);
        }
        return result;
    }

    private static List<String> languages(String[] values) {
        List<String> languages = nonBlank(values);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("profile key 'workingLanguages' needs at least one language");
        }
        for (String language : languages) {
            if (!LANGUAGES.contains(language)) {
                throw new IllegalArgumentException("profile key 'workingLanguages': '" + language + "' is not an ISO 639-1 language code");
            }
        }
        return List.copyOf(languages);
    }

    private static MonthDay monthDay(String value) {
        String text = required("fiscalYearStart", value);
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("profile key 'fiscalYearStart': '" + text + "' is not a day of the year as MM-DD");
        }
    }

    private static Currency currency(String value) {
        String code = required("currency", value);
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile key 'currency': '" + code + "' is not an ISO 4217 currency code");
        }
    }

    private static EntryIntoForceRule ruleOrNull(String value) {
        try {
            return EntryIntoForceRule.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String acronym() {
        return acronym;
    }

    @Override
    public List<String> workingLanguages() {
        return workingLanguages;
    }

    @Override
    public List<String> thematicAreas() {
        return thematicAreas;
    }

    @Override
    public Map<String, String> meetingTypes() {
        return meetingTypes;
    }

    @Override
    public String documentSymbolPattern() {
        return documentSymbolPattern;
    }

    @Override
    public MonthDay fiscalYearStart() {
        return fiscalYearStart;
    }

    @Override
    public Currency currency() {
        return currency;
    }

    @Override
    public EntryIntoForceRule entryIntoForceRule() {
        if (entryIntoForceRule == null) {
            throw new IllegalStateException("profile key 'entryIntoForce': '" + entryIntoForce
                    + "' is not a rule (the contacts module checks this key and says what is wrong in health)");
        }
        return entryIntoForceRule;
    }
}
