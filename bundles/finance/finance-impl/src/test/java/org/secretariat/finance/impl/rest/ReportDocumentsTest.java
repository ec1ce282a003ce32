package org.secretariat.finance.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.secretariat.finance.impl.service.AnnualReports.Column;
import org.secretariat.finance.impl.service.AnnualReports.Report;
import org.secretariat.finance.impl.service.AnnualReports.Section;

class ReportDocumentsTest {

    private static final List<Column> COLUMNS = List.of(new Column("State", false), new Column("Name", false), new Column("Outstanding", true));

    private static Report report(int states) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CI", "Côte d’Ivoire", "-12.50"));
        rows.add(List.of("XX", "=HYPERLINK(\"http://evil\")", "1000.00"));
        for (int i = 0; i < states; i++) {
            rows.add(List.of("S" + i, "State " + i, i + ".00"));
        }
        return new Report(2026, "Convention on Cluster Munitions", "CHF", LocalDate.of(2026, 11, 30),
                List.of(new Section("contributions", "Contributions by state 2026", COLUMNS, rows, List.of("Total", "", "987.50"), "A note."),
                        new Section("funds", "Funds 2026", COLUMNS, List.of(), List.of(), "No voluntary or earmarked contributions for 2026.")));
    }

    @Test
    void theCsvHasEachPartWithItsHeaderAndGuardsTextButNotAmounts() {
        String csv = ReportDocuments.csv(report(0));
        assertTrue(csv.startsWith("\"Convention on Cluster Munitions\",\"Annual financial report 2026\",CHF,\"drafted 2026-11-30\"\n"), csv);
        assertTrue(csv.contains("\nState,Name,Outstanding\nCI,\"Côte d’Ivoire\",-12.50\n"), csv);
        assertTrue(csv.contains("XX,\"'=HYPERLINK(\"\"http://evil\"\")\",1000.00"), "a formula in text is neutralised: " + csv);
        assertTrue(csv.contains("Total,,987.50\n\"A note.\"\n\n\"Funds 2026\"\nState,Name,Outstanding\n"), csv);
    }

    @Test
    void thePdfCarriesEveryFigureAndRunsOverPages() throws Exception {
        byte[] pdf = ReportDocuments.pdf(report(120));
        try (PDDocument document = PDDocument.load(pdf)) {
            assertTrue(document.getNumberOfPages() >= 3, "120 rows need several landscape pages: " + document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Annual financial report 2026 (CHF), drafted 2026-11-30"), text);
            assertTrue(text.contains("-12.50") && text.contains("987.50") && text.contains("State 119"), text);
            assertTrue(text.contains("No voluntary or earmarked contributions for 2026."), text);
            assertEquals(document.getNumberOfPages(), text.split("Outstanding", -1).length - 1, "the header is repeated on each page of the table");
        }
    }
}
