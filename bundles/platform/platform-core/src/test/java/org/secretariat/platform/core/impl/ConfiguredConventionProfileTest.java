package org.secretariat.platform.core.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class ConfiguredConventionProfileTest {

    /** A configuration as Config Admin would hand it to the component. */
    private static ProfileConfiguration configuration(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "name", "Convention on Cluster Munitions",
                "acronym", "CCM",
                "workingLanguages", new String[] {"en", "fr", "es"},
                "thematicAreas", new String[] {"Universalization", "Victim assistance"},
                "documentSymbolPattern", "{acronym}/{meetingType}/{year}/{category}.{sequence}",
                "fiscalYearStart", "01-01",
                "currency", "CHF",
                "entryIntoForce", "first-day-of-month-after:6"));
        values.put("meetingTypes", new String[] {"MSP=Meeting of States Parties", "RC=Review Conference"});
        values.putAll(overrides);
        return new ProfileConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return ProfileConfiguration.class; }
            @Override public String name() { return (String) values.get("name"); }
            @Override public String acronym() { return (String) values.get("acronym"); }
            @Override public String[] workingLanguages() { return (String[]) values.get("workingLanguages"); }
            @Override public String[] thematicAreas() { return (String[]) values.get("thematicAreas"); }
            @Override public String documentSymbolPattern() { return (String) values.get("documentSymbolPattern"); }
            @Override public String fiscalYearStart() { return (String) values.get("fiscalYearStart"); }
            @Override public String currency() { return (String) values.get("currency"); }
            @Override public String entryIntoForce() { return (String) values.get("entryIntoForce"); }
            @Override public String[] meetingTypes() { return (String[]) values.get("meetingTypes"); }
        };
    }

    @Test
    void readsAWholeProfile() {
        ConfiguredConventionProfile profile = new ConfiguredConventionProfile(configuration(Map.of()));
        assertEquals("CCM", profile.acronym());
        assertEquals(List.of("en", "fr", "es"), profile.workingLanguages());
        assertEquals(MonthDay.of(1, 1), profile.fiscalYearStart());
        assertEquals("CHF", profile.currency().getCurrencyCode());
        assertEquals(LocalDate.of(2011, 9, 1), profile.entryIntoForceRule().entryIntoForce(LocalDate.of(2011, 3, 15)));
        assertEquals(List.of("MSP", "RC"), List.copyOf(profile.meetingTypes().keySet()), "in the configured order");
        assertEquals("Review Conference", profile.meetingTypes().get("RC"));
    }

    @Test
    void anotherConventionIsOnlyAnotherConfiguration() {
        ConfiguredConventionProfile att = new ConfiguredConventionProfile(configuration(Map.of(
                "name", "Arms Trade Treaty", "acronym", "ATT", "fiscalYearStart", "07-01", "currency", "usd",
                "entryIntoForce", "day-after:90")));
        assertEquals("USD", att.currency().getCurrencyCode());
        assertEquals(MonthDay.of(7, 1), att.fiscalYearStart());
        assertEquals(LocalDate.of(2014, 3, 31), att.entryIntoForceRule().entryIntoForce(LocalDate.of(2013, 12, 31)));
    }

    @Test
    void badValuesNameTheKey() {
        assertMessageNames("name", Map.of("name", " "));
        assertMessageNames("workingLanguages", Map.of("workingLanguages", new String[] {"english"}));
        assertMessageNames("workingLanguages", Map.of("workingLanguages", new String[0]));
        assertMessageNames("fiscalYearStart", Map.of("fiscalYearStart", "13-01"));
        assertMessageNames("currency", Map.of("currency", "EURO"));
    }

    /** Meetings and contacts check their own keys: a wrong value there leaves the platform's profile standing. */
    @Test
    void keysModulesOwnAreNotThePlatformsToRefuse() {
        ConfiguredConventionProfile profile = new ConfiguredConventionProfile(configuration(Map.of(
                "entryIntoForce", "soon",
                "meetingTypes", new String[] {"Meeting of States Parties", "MSP=One", "MSP=Two", "RC="},
                "documentSymbolPattern", " {acronym}/{nonsense} ")));
        assertEquals("CCM", profile.acronym());
        IllegalStateException notARule = assertThrows(IllegalStateException.class, profile::entryIntoForceRule);
        assertTrue(notARule.getMessage().contains("'entryIntoForce'") && notARule.getMessage().contains("'soon'"), notARule.getMessage());
        assertEquals(Map.of("MSP", "One"), profile.meetingTypes(), "well-formed entries, the first of a code, for meetings 1.0.0");
        assertEquals("{acronym}/{nonsense}", profile.documentSymbolPattern(), "as written: the meetings module checks it");
    }

    @Test
    void noPatternIsTheDefaultPattern() {
        assertEquals(ConfiguredConventionProfile.DEFAULT_SYMBOL_PATTERN,
                new ConfiguredConventionProfile(configuration(Map.of("documentSymbolPattern", " "))).documentSymbolPattern());
    }

    private static void assertMessageNames(String key, Map<String, Object> overrides) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfiguredConventionProfile(configuration(overrides)));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
