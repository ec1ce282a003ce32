package org.secretariat.finance.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

class FiscalYearsTest {

    @Test
    void aFiscalYearIsNamedByTheYearInWhichItStarts() {
        FiscalYears july = new FiscalYears(MonthDay.of(7, 1));
        assertEquals(2025, july.of(LocalDate.of(2026, 3, 10)));
        assertEquals(2025, july.of(LocalDate.of(2026, 6, 30)));
        assertEquals(2026, july.of(LocalDate.of(2026, 7, 1)));
        assertEquals(2025, july.of(LocalDate.of(2025, 12, 31)));
        assertEquals(LocalDate.of(2025, 7, 1), july.firstDay(2025));
        assertEquals(LocalDate.of(2026, 6, 30), july.lastDay(2025));
    }

    @Test
    void startingOnTheFirstOfJanuaryAFiscalYearIsTheCalendarYear() {
        FiscalYears january = new FiscalYears(MonthDay.of(1, 1));
        assertEquals(2026, january.of(LocalDate.of(2026, 1, 1)));
        assertEquals(2026, january.of(LocalDate.of(2026, 12, 31)));
        assertEquals(LocalDate.of(2026, 12, 31), january.lastDay(2026));
    }

    @Test
    void aStartOnTheTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears() {
        FiscalYears leap = new FiscalYears(MonthDay.of(2, 29));
        assertEquals(LocalDate.of(2025, 2, 28), leap.firstDay(2025));
        assertEquals(LocalDate.of(2024, 2, 29), leap.firstDay(2024));
        assertEquals(2024, leap.of(LocalDate.of(2025, 2, 27)));
        assertEquals(2025, leap.of(LocalDate.of(2025, 2, 28)));
        assertEquals(LocalDate.of(2025, 2, 27), leap.lastDay(2024));
    }
}
