package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SymbolGeneratorTest {

    private static final String CCM = "{acronym}/{meetingType}/{year}/{category}.{sequence}";

    @Test
    void workingPapersOfTheCcm() {
        assertEquals("CCM/MSP/2011/WP.1", SymbolGenerator.symbol(CCM, "CCM", "MSP", 2, 2011, "WP", 1));
        assertEquals("CCM/MSP/2011/INF.12", SymbolGenerator.symbol(CCM, "CCM", "MSP", 2, 2011, "INF", 12));
    }

    @Test
    void theOfficialSeriesHasNoCategoryAndNoStraySeparator() {
        assertEquals("CCM/MSP/2011/1", SymbolGenerator.symbol(CCM, "CCM", "MSP", 2, 2011, "", 1));
    }

    @Test
    void meetingNumbersAndOtherConventionsPatterns() {
        assertEquals("APLC/MSP.21/2023/WP.3",
                SymbolGenerator.symbol("{acronym}/MSP.{meetingNumber}/{year}/{category}.{sequence}", "APLC", "MSP", 21, 2023, "WP", 3));
        assertEquals("ATT/CSP9/2023/WP.1",
                SymbolGenerator.symbol("{acronym}/{meetingType}{meetingNumber}/{year}/{category}.{sequence}", "ATT", "CSP", 9, 2023, "WP", 1));
        assertEquals("ATT/CSP1/2015/6", SymbolGenerator.symbol("{acronym}/{meetingType}{meetingNumber}/{year}/{category}.{sequence}",
                "ATT", "CSP", 1, 2015, "", 6), "the official series: CSP1's final report");
        assertEquals("ATT/CSP/2023/WP.1", SymbolGenerator.symbol("{acronym}/{meetingType}{meetingNumber}/{year}/{category}.{sequence}",
                "ATT", "CSP", null, 2023, "WP", 1), "a meeting without a number");
        assertEquals("CCM/CC/2024/3", SymbolGenerator.symbol("{acronym}/{meetingType}/{year}/{sequence}.{category}", "CCM", "CC", null, 2024, "", 3),
                "an empty placeholder at the end drops the separator before it");
    }
}
