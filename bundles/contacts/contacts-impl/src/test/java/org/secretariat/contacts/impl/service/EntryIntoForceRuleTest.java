package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The rule the contacts module owns (moved from the platform API, whose class stays, deprecated). */
class EntryIntoForceRuleTest {

    private final EntryIntoForceRule ccm = EntryIntoForceRule.parse("first-day-of-month-after:6");
    private final EntryIntoForceRule att = EntryIntoForceRule.parse("day-after:90");

    @Test
    void ccmDepositMidMonthEntersIntoForceOnFirstDayOfSixthMonthAfter() {
        assertEquals(LocalDate.of(2011, 9, 1), ccm.entryIntoForce(LocalDate.of(2011, 3, 15)));
    }

    @Test
    void ccmDepositOnFirstOrLastDayOfMonthCountsTheWholeMonth() {
        assertEquals(LocalDate.of(2011, 9, 1), ccm.entryIntoForce(LocalDate.of(2011, 3, 1)));
        assertEquals(LocalDate.of(2011, 9, 1), ccm.entryIntoForce(LocalDate.of(2011, 3, 31)));
    }

    @Test
    void ccmRuleCrossesTheYear() {
        // The CCM itself: 30th ratification deposited 16 February 2010, in force 1 August 2010.
        assertEquals(LocalDate.of(2010, 8, 1), ccm.entryIntoForce(LocalDate.of(2010, 2, 16)));
        assertEquals(LocalDate.of(2012, 5, 1), ccm.entryIntoForce(LocalDate.of(2011, 11, 30)));
        assertEquals(LocalDate.of(2013, 6, 1), ccm.entryIntoForce(LocalDate.of(2012, 12, 31)));
    }

    @Test
    void dayAfterRuleCountsDaysAcrossMonthsYearsAndLeapDays() {
        // Arms Trade Treaty, art. 22: the 50th instrument was deposited on 25 September 2014 and the treaty
        // entered into force on 24 December 2014; for a later state, ninety days following its deposit.
        assertEquals(LocalDate.of(2014, 12, 24), att.entryIntoForce(LocalDate.of(2014, 9, 25)));
        assertEquals(LocalDate.of(2014, 3, 31), att.entryIntoForce(LocalDate.of(2013, 12, 31)));
        assertEquals(LocalDate.of(2024, 5, 29), att.entryIntoForce(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2025, 3, 31), att.entryIntoForce(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void configurationFormRoundTrips() {
        assertEquals("first-day-of-month-after:6", ccm.toString());
        assertEquals(att, EntryIntoForceRule.parse(" DAY-AFTER : 90 "));
    }

    @Test
    void badRulesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EntryIntoForceRule.parse("sometime"))
                .getMessage().contains("':N'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EntryIntoForceRule.parse("week-after:2"))
                .getMessage().contains("unknown"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EntryIntoForceRule.parse("day-after:x"))
                .getMessage().contains("whole number"));
        assertThrows(IllegalArgumentException.class, () -> EntryIntoForceRule.parse("day-after:0"));
        assertThrows(IllegalArgumentException.class, () -> EntryIntoForceRule.parse(null));
    }
}
