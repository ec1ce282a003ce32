package org.secretariat.platform.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void formulasBecomeText() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvCells.text("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", CsvCells.text("+1"));
        assertEquals("'@SUM(A1)", CsvCells.text("@SUM(A1)"));
        assertEquals("Norway", CsvCells.text("Norway"));
        assertEquals("", CsvCells.text(null));
    }
}
