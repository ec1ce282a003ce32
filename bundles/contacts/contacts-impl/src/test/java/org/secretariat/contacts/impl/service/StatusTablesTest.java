package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.contacts.impl.service.Refusals.invalid;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.Participation;
import org.secretariat.platform.api.rest.PageRequest;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusTablesTest {

    private static final String HEADER = "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\"\n";

    private final Directory directory = new Directory();
    private final StatusTables tables = directory.statusTables;

    @AfterEach
    void clear() {
        directory.clear();
    }

    @AfterAll
    void close() {
        directory.close();
    }

    private TreatyStatus status(String iso2) {
        return directory.states.get(iso2, null).status();
    }

    @Test
    void aFileWithABadRowChangesNothingAndNamesEachBadLine() {
        ImportReport report = tables.importTable(HEADER + "Afghanistan,,\"8 Sep 2011 a\"\nNarnia,3 Dec 2008,\nAngola,31 Feb 2009,\n"
                + "Albania,3 Dec 2009,16 Jun 2009\nAFG,,1 Jan 2012\n", false, "admin");
        assertFalse(report.applied());
        assertEquals(5, report.rows());
        assertEquals(List.of(3, 4, 5, 6), report.errors().stream().map(ImportReport.RowError::line).collect(Collectors.toList()));
        assertEquals(List.of("state", "signature", "deposit", "state"),
                report.errors().stream().map(ImportReport.RowError::field).collect(Collectors.toList()));
        assertEquals("unknown state 'Narnia'", report.errors().get(0).error());
        assertEquals("depositDate 2009-06-16 is before signatureDate 2009-12-03", report.errors().get(2).error());
        assertEquals("AF is already on line 2", report.errors().get(3).error());
        assertEquals(TreatyStatus.NOT_PARTY, status("AF"), "nothing half-imported");
    }

    @Test
    void aDryRunReportsAndAnImportAppliesTheChangesInTheHistory() {
        directory.states.changeStatus("FR", new StatusUpdate(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, LocalDate.of(2011, 3, 15),
                null), "admin");
        String table = HEADER + "Afghanistan,,\"8 Sep 2011 a\"\nAngola,3 Dec 2008,\nFrance,,15 Mar 2011\n";

        ImportReport dryRun = tables.importTable(table, true, "admin");
        assertTrue(dryRun.dryRun());
        assertFalse(dryRun.applied());
        assertEquals(1, dryRun.unchanged());
        ImportReport.Change afghanistan = dryRun.changes().get(0);
        assertEquals("AF", afghanistan.iso2());
        assertEquals("Afghanistan", afghanistan.state());
        assertEquals(new Participation(TreatyStatus.NOT_PARTY, null, null, null), afghanistan.from());
        assertEquals(new Participation(TreatyStatus.STATE_PARTY, Instrument.ACCESSION, null, LocalDate.of(2011, 9, 8)), afghanistan.to());
        assertEquals(TreatyStatus.NOT_PARTY, status("AF"), "a dry run changes nothing");

        ImportReport imported = tables.importTable(table, false, "importer");
        assertTrue(imported.applied());
        assertEquals(2, imported.changes().size());
        assertEquals(Instrument.ACCESSION, directory.states.get("AF", null).instrument());
        assertEquals(TreatyStatus.SIGNATORY, status("AO"));
        StatusChangeDto change = directory.states.history("AO", PageRequest.parse(null, null, null, Set.of("changedAt"), "changedAt"))
                .getItems().get(0);
        assertEquals("importer", change.changedBy());
        assertEquals(States.SOURCE_IMPORT, change.source());
    }

    @Test
    void aDepositWithoutACodeIsARatification() {
        tables.importTable("State,ISO code,Signature,Ratification\n,NO,2008-12-03,2009-06-01\n", false, "admin");
        assertEquals(Instrument.RATIFICATION, directory.states.get("NO", null).instrument());
    }

    @Test
    void aFileThatIsNoStatusTableIsRefusedNamingTheFile() {
        invalid("file", () -> tables.importTable("just,some\ncells,here\n", false, "admin"));
        invalid("file", () -> tables.importTable("\"unclosed\n", true, "admin"));
    }

    @Test
    void theExportListsParticipantsAndImportsBackUnchanged() {
        tables.importTable(HEADER + "Afghanistan,,\"8 Sep 2011 a\"\nAngola,3 Dec 2008,\nNorway,3 Dec 2008,3 Dec 2008\n", false, "admin");
        String exported = tables.export();
        assertTrue(exported.contains("\"Afghanistan\",\"AF\",\"\",\"8 Sep 2011 a\""), exported);
        assertEquals(4, exported.lines().count(), "the header and the three participants: " + exported);

        ImportReport again = tables.importTable(exported, true, "admin");
        assertEquals(3, again.unchanged(), again.toString());
        assertTrue(again.changes().isEmpty());
    }
}
