package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The meetings module's part of the convention profile: read, checked, and kept while a wrong value is refused. */
class MeetingSettingsTest {

    private static final String[] CCM_TYPES = {"MSP=Meeting of States Parties", "RC=Review Conference"};
    private static final String CCM_PATTERN = "{acronym}/{meetingType}/{year}/{category}.{sequence}";
    private static final String[] ATT_TYPES = {"CSP=Conference of States Parties", "WG=Working group meeting", "PREP=Preparatory meeting"};
    private static final String ATT_PATTERN = "{acronym}/{meetingType}{meetingNumber}/{year}/{category}.{sequence}";

    @Test
    void readsTheTypesInTheWrittenOrderAndThePattern() {
        MeetingSettings att = MeetingSettings.read(ATT_TYPES, " " + ATT_PATTERN + " ");
        assertEquals(List.of("CSP", "WG", "PREP"), List.copyOf(att.meetingTypes().keySet()));
        assertEquals("Working group meeting", att.meetingTypes().get("WG"));
        assertEquals(ATT_PATTERN, att.documentSymbolPattern());
        assertThrows(UnsupportedOperationException.class, () -> att.meetingTypes().put("X", "y"), "the settings are immutable");
    }

    @Test
    void noPatternIsTheDefaultPattern() {
        assertEquals(MeetingSettings.DEFAULT_SYMBOL_PATTERN, MeetingSettings.read(CCM_TYPES, null).documentSymbolPattern());
        assertEquals(MeetingSettings.DEFAULT_SYMBOL_PATTERN, MeetingSettings.read(CCM_TYPES, "  ").documentSymbolPattern());
    }

    @Test
    void wrongMeetingTypesAreRefusedNamingTheKey() {
        assertRefused("meetingTypes", "CODE=Name", new String[] {"Meeting of States Parties"}, CCM_PATTERN);
        assertRefused("meetingTypes", "CODE=Name", new String[] {"MSP="}, CCM_PATTERN);
        assertRefused("meetingTypes", "CODE=Name", new String[] {"2MSP=Second"}, CCM_PATTERN);
        assertRefused("meetingTypes", "CODE=Name", new String[] {"M S P=Meeting"}, CCM_PATTERN);
        assertRefused("meetingTypes", "CODE=Name", new String[] {"ABCDEFGHIJKLMNOPQRSTU=Too long a code"}, CCM_PATTERN);
        assertRefused("meetingTypes", "appears twice", new String[] {"MSP=One", " MSP = Two"}, CCM_PATTERN);
        assertRefused("meetingTypes", "at least one", new String[0], CCM_PATTERN);
        assertRefused("meetingTypes", "at least one", new String[] {" ", ""}, CCM_PATTERN);
        assertRefused("meetingTypes", "at least one", null, CCM_PATTERN);
    }

    @Test
    void wrongPatternsAreRefusedNamingTheKey() {
        assertRefused("documentSymbolPattern", "{session} is not a placeholder", CCM_TYPES, "{acronym}/{session}/{sequence}");
        assertRefused("documentSymbolPattern", "{Year} is not a placeholder", CCM_TYPES, "{acronym}/{Year}/{sequence}");
        assertRefused("documentSymbolPattern", "brace", CCM_TYPES, "{acronym}/{year/{sequence}");
        assertRefused("documentSymbolPattern", "brace", CCM_TYPES, "{acronym}/year}/{sequence}");
        assertRefused("documentSymbolPattern", "no {sequence}", CCM_TYPES, "{acronym}/{meetingType}/{year}/{category}");
        assertRefused("documentSymbolPattern", "longer than 100", CCM_TYPES, "{acronym}/" + "x".repeat(100) + "/{sequence}");
    }

    @Test
    void theReaderOffersValidSettingsAndKeepsThemWhenAWrongValueComes() {
        List<MeetingSettings> offered = new ArrayList<>();
        MeetingSettingsReader reader = new MeetingSettingsReader(settings -> {
            offered.add(settings);
            return () -> offered.remove(settings);
        });
        reader.read(CCM_TYPES, CCM_PATTERN);
        assertEquals(1, offered.size());
        assertEquals(Map.of(), reader.problems());

        // A change to a key the module does not read: the same settings, nothing offered again.
        reader.read(CCM_TYPES.clone(), CCM_PATTERN);
        assertEquals(1, offered.size());
        MeetingSettings ccm = offered.get(0);

        reader.read(new String[] {"MSP=One", "MSP=Two"}, CCM_PATTERN);
        assertEquals(List.of(ccm), offered, "refused: the last valid settings stay offered");
        List<String> problems = reader.problems().get("meetings");
        assertEquals(1, problems.size(), reader.problems().toString());
        assertTrue(problems.get(0).contains("'meetingTypes'") && problems.get(0).contains("keeps meeting types [MSP, RC]"), problems.get(0));

        reader.read(ATT_TYPES, ATT_PATTERN);
        assertEquals(1, offered.size(), "the new settings replace the old: " + offered);
        assertEquals(ATT_PATTERN, offered.get(0).documentSymbolPattern());
        assertSame(offered.get(0), reader.accepted());
        assertEquals(Map.of(), reader.problems(), "corrected: health is back");

        reader.deactivate();
        assertEquals(List.of(), offered);
    }

    @Test
    void withAWrongValueFromTheStartNothingIsOfferedAndHealthSaysWhy() {
        List<MeetingSettings> offered = new ArrayList<>();
        MeetingSettingsReader reader = new MeetingSettingsReader(settings -> {
            offered.add(settings);
            return () -> offered.remove(settings);
        });
        reader.read(CCM_TYPES, "{acronym}/{meetingType}");
        assertEquals(List.of(), offered);
        assertNull(reader.accepted());
        String problem = reader.problems().get("meetings").get(0);
        assertTrue(problem.contains("'documentSymbolPattern'") && problem.contains("does not start until"), problem);

        reader.read(CCM_TYPES, CCM_PATTERN);
        assertEquals(1, offered.size(), "corrected: the module's services can start");
        assertEquals(Map.of(), reader.problems());
    }

    private static void assertRefused(String key, String saying, String[] types, String pattern) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeetingSettings.read(types, pattern));
        assertTrue(e.getMessage().contains("'" + key + "'") && e.getMessage().contains(saying), e.getMessage());
    }
}
