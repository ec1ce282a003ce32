package org.secretariat.finance.impl.service;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The unit's fiscal years, which start on the profile's {@code fiscalYearStart} (MM-DD). A fiscal year
 * is named by the calendar year in which it starts: with a start on 07-01, fiscal year 2025 runs from
 * 1 July 2025 to 30 June 2026, so 10 March 2026 belongs to fiscal year 2025. With the start on 01-01 a
 * fiscal year is the calendar year. A budget's {@code year} is a fiscal year named the same way.
 */
final class FiscalYears {

    private final MonthDay start;

    FiscalYears(MonthDay start) {
        this.start = start;
    }

    /** The fiscal year {@code date} belongs to. */
    int of(LocalDate date) {
        return date.isBefore(firstDay(date.getYear())) ? date.getYear() - 1 : date.getYear();
    }

    /** The first day of fiscal year {@code year} (a start on 29 February falls on the 28th in other years). */
    LocalDate firstDay(int year) {
        return start.atYear(year);
    }

    /** The last day of fiscal year {@code year}. */
    LocalDate lastDay(int year) {
        return firstDay(year + 1).minusDays(1);
    }
}
