package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;

class StatusCsvTest {

    private static final Map<String, String> KNOWN = Map.of("afghanistan", "AF", "albania", "AL", "norway", "NO", "no", "NO",
            "holy see", "VA", "cote d'ivoire", "CI", "fr", "FR", "france", "FR");
    private static final Function<String, Optional<String>> STATES = text -> Optional.ofNullable(KNOWN.get(Names.key(text)));
    private static final String HEADER = "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\"\n";

    @Test
    void readsTreatyCollectionRowsWithInstrumentCodesAndFootnotes() throws Exception {
        List<StatusCsv.Row> rows = StatusCsv.read(HEADER
                + "Afghanistan,,\"8 Sep 2011 a\"\n"
                + "Albania 1,3 Dec 2008,16 Jun 2009\n"
                + "Holy See,3 Dec 2008,3 Dec 2008\n"
                + "Côte d’Ivoire,4 Dec 2008,12 Mar 2012 AA\n"
                + "Norway,3 Dec 2008,\n", STATES);
        assertEquals(5, rows.size());
        StatusCsv.Row afghanistan = rows.get(0);
        assertEquals(2, afghanistan.line);
        assertEquals("AF", afghanistan.iso2);
        assertNull(afghanistan.signatureDate);
        assertEquals(LocalDate.of(2011, 9, 8), afghanistan.depositDate);
        assertEquals(Instrument.ACCESSION, afghanistan.instrument);
        assertEquals(TreatyStatus.STATE_PARTY, afghanistan.impliedStatus());
        assertEquals("AL", rows.get(1).iso2, "footnote numbers after the name are ignored");
        assertEquals(Instrument.RATIFICATION, rows.get(1).instrument, "no code means ratification");
        assertEquals("CI", rows.get(3).iso2, "accents and typographic apostrophes do not matter");
        assertEquals(Instrument.APPROVAL, rows.get(3).instrument);
        assertEquals(TreatyStatus.SIGNATORY, rows.get(4).impliedStatus());
        assertTrue(rows.stream().allMatch(StatusCsv.Row::ok));
    }

    @Test
    void acceptsIsoDatesAndIsoCodes() throws Exception {
        List<StatusCsv.Row> rows = StatusCsv.read("State,ISO code,Signature,Ratification\n,FR,2008-12-03,2009-09-25\n", STATES);
        assertEquals("FR", rows.get(0).iso2);
        assertTrue(rows.get(0).ok(), () -> rows.get(0).error);
        assertEquals(LocalDate.of(2009, 9, 25), rows.get(0).depositDate);
    }

    @Test
    void reportsEachBadRowByLineAndField() throws Exception {
        List<StatusCsv.Row> rows = StatusCsv.read(HEADER
                + "Narnia,3 Dec 2008,\n"
                + "Norway,31 Feb 2009,\n"
                + "\n"
                + "Albania,3 Dec 2008,16 Jun 2009 x\n"
                + "France,3 Dec 2008,someday\n", STATES);
        assertEquals(4, rows.size(), "blank lines are skipped");
        assertEquals("state", rows.get(0).errorField);
        assertEquals(2, rows.get(0).line);
        assertEquals("signature", rows.get(1).errorField);
        assertEquals(3, rows.get(1).line);
        assertEquals("deposit", rows.get(2).errorField);
        assertEquals(5, rows.get(2).line, "line numbers count the blank line");
        assertEquals("deposit", rows.get(3).errorField);
    }

    @Test
    void refusesAFileWithoutTheColumns() {
        assertThrows(StatusCsv.UnreadableCsv.class, () -> StatusCsv.read("", STATES));
        assertThrows(StatusCsv.UnreadableCsv.class, () -> StatusCsv.read("Name,Date\nFrance,2009-01-01\n", STATES));
        assertThrows(StatusCsv.UnreadableCsv.class, () -> StatusCsv.read("State,Signature\nFrance,2009-01-01\n", STATES));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        List<StateSummary> states = List.of(
                new StateSummary("AF", "AFG", Map.of("en", "Afghanistan"), TreatyStatus.STATE_PARTY, Instrument.ACCESSION, null,
                        LocalDate.of(2011, 9, 8), LocalDate.of(2012, 3, 1)),
                new StateSummary("NO", "NOR", Map.of("en", "Norway"), TreatyStatus.SIGNATORY, null, LocalDate.of(2008, 12, 3), null, null),
                new StateSummary("FR", "FRA", Map.of("en", "France"), TreatyStatus.NOT_PARTY, null, null, null, null));
        String csv = StatusCsv.write(states);
        List<StatusCsv.Row> rows = StatusCsv.read(csv, STATES);
        assertEquals(2, rows.size(), "states not party are not listed: " + csv);
        assertEquals(Instrument.ACCESSION, rows.get(0).instrument);
        assertEquals(LocalDate.of(2011, 9, 8), rows.get(0).depositDate);
        assertEquals(LocalDate.of(2008, 12, 3), rows.get(1).signatureDate);
        assertTrue(csv.contains("\"8 Sep 2011 a\""), csv);
    }
}
