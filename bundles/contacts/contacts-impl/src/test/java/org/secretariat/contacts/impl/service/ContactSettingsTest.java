package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contacts module's part of the convention profile: read, checked, and kept while a wrong value is refused. */
class ContactSettingsTest {

    @Test
    void readsTheTreatysRule() {
        assertEquals(LocalDate.of(2011, 9, 1), ContactSettings.read("first-day-of-month-after:6").entryIntoForce()
                .entryIntoForce(LocalDate.of(2011, 3, 15)), "CCM art. 17");
        assertEquals(LocalDate.of(2014, 12, 24), ContactSettings.read(" day-after:90 ").entryIntoForce()
                .entryIntoForce(LocalDate.of(2014, 9, 25)), "ATT art. 22");
    }

    @Test
    void aStateThatDepositedBeforeTheThresholdIsBoundFromTheConventionsOwnDay() {
        ContactSettings ccm = ContactSettings.read("first-day-of-month-after:6", "2010-08-01");
        // Norway deposited on 2008-12-03, among the first: bound from 2010-08-01, not from 2009-06-01
        assertEquals(LocalDate.of(2010, 8, 1), ccm.stateEntryIntoForce(LocalDate.of(2008, 12, 3)));
        // the thirtieth instrument (2010-02-16) gives the convention's day by the rule itself
        assertEquals(LocalDate.of(2010, 8, 1), ccm.stateEntryIntoForce(LocalDate.of(2010, 2, 16)));
        // a later deposit follows the rule
        assertEquals(LocalDate.of(2011, 9, 1), ccm.stateEntryIntoForce(LocalDate.of(2011, 3, 15)));
        // without the convention's day, the rule alone
        assertEquals(LocalDate.of(2009, 6, 1), ContactSettings.read("first-day-of-month-after:6").stateEntryIntoForce(LocalDate.of(2008, 12, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContactSettings.read("day-after:90", "24 Dec 2014"));
        assertTrue(e.getMessage().startsWith("profile key 'conventionEntryIntoForce': "), e.getMessage());
    }

    @Test
    void aWrongRuleIsRefusedNamingTheKey() {
        for (String wrong : new String[] {null, "", "soon", "day-after", "week-after:2", "day-after:x", "day-after:0", "day-after:3651"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContactSettings.read(wrong), String.valueOf(wrong));
            assertTrue(e.getMessage().startsWith("profile key 'entryIntoForce': "), e.getMessage());
        }
    }

    @Test
    void theReaderOffersAValidRuleAndKeepsItWhenAWrongOneComes() {
        List<ContactSettings> offered = new ArrayList<>();
        ContactSettingsReader reader = new ContactSettingsReader(settings -> {
            offered.add(settings);
            return () -> offered.remove(settings);
        });
        reader.read("first-day-of-month-after:6");
        reader.read("FIRST-DAY-OF-MONTH-AFTER : 6");
        assertEquals(1, offered.size(), "the same rule, written otherwise, is not offered again: " + offered);
        assertEquals(Map.of(), reader.problems());

        reader.read("ninety days after deposit");
        assertEquals("first-day-of-month-after:6", offered.get(0).entryIntoForce().toString(), "refused: the last valid rule stays");
        String problem = reader.problems().get("contacts").get(0);
        assertTrue(problem.contains("'entryIntoForce'") && problem.contains("keeps entry into force first-day-of-month-after:6"), problem);

        reader.read("day-after:90");
        assertEquals(1, offered.size(), "the new rule replaces the old: " + offered);
        assertSame(offered.get(0), reader.accepted());
        assertEquals("day-after:90", reader.accepted().entryIntoForce().toString());
        assertEquals(Map.of(), reader.problems(), "corrected: health is back");

        reader.deactivate();
        assertEquals(List.of(), offered);
    }

    @Test
    void withAWrongRuleFromTheStartNothingIsOfferedAndHealthSaysWhy() {
        List<ContactSettings> offered = new ArrayList<>();
        ContactSettingsReader reader = new ContactSettingsReader(settings -> {
            offered.add(settings);
            return () -> offered.remove(settings);
        });
        reader.read("");
        assertEquals(List.of(), offered);
        assertNull(reader.accepted());
        String problem = reader.problems().get("contacts").get(0);
        assertTrue(problem.contains("'entryIntoForce'") && problem.contains("does not start until"), problem);

        reader.read("day-after:90");
        assertEquals(1, offered.size());
        assertEquals(Map.of(), reader.problems());
    }
}
