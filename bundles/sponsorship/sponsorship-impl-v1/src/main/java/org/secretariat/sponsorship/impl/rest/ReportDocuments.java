package org.secretariat.sponsorship.impl.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.secretariat.platform.api.rest.CsvCells;
import org.secretariat.sponsorship.impl.service.DonorReports.Award;
import org.secretariat.sponsorship.impl.service.DonorReports.Report;
import org.secretariat.sponsorship.impl.service.DonorReports.Total;

/** The donor report as CSV (one line per award, then the totals) and as PDF (PDFBox, A4 landscape). */
final class ReportDocuments {

    private static final List<String> COLUMNS = List.of("meeting", "meetingStart", "stateIso2", "state", "region", "gender", "status", "attendance",
        "committed", "spent");

    private ReportDocuments() {
    }

    static String csv(Report report) {
        StringBuilder out = new StringBuilder();
        line(out, List.of("fund", "donor", "currency", "pledged", "received", "committed", "spent", "balance", "asOf"));
        line(out, List.of(String.valueOf(report.fundId()), report.donor(), report.currency(), amount(report.pledged()),
                amount(report.balance().received()), amount(report.balance().committed()), amount(report.balance().spent()),
                amount(report.balance().balance()), report.asOf().toString()));
        out.append("\r\n");
        line(out, COLUMNS);
        for (Award a : report.awards()) {
            line(out, cells(a));
        }
        for (String[] group : new String[][] {{"byState"}, {"byRegion"}, {"byGender"}}) {
            out.append("\r\n");
            line(out, List.of(group[0], "delegates", "amount"));
            List<Total> totals = group[0].equals("byState") ? report.byState() : group[0].equals("byRegion") ? report.byRegion() : report.byGender();
            for (Total t : totals) {
                line(out, List.of(t.key(), String.valueOf(t.delegates()), amount(t.amount())));
            }
        }
        return out.toString();
    }

    private static List<String> cells(Award a) {
        return java.util.Arrays.asList(a.meeting(), a.meetingStart().toString(), a.stateIso2(), a.state(), a.region(), a.gender(), a.status(),
                a.attendance(), amount(a.committed()), amount(a.spent()));
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(c -> c == null ? "" : CsvCells.text(c)).collect(Collectors.joining(","))).append("\r\n");
    }

    static byte[] pdf(Report report) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Lines lines = new Lines(document);
            lines.text("Donor report: " + report.donor() + " (fund " + report.fundId() + ")", 14, true);
            lines.text("As of " + report.asOf() + ", in " + report.currency(), 9, false);
            lines.text("Pledged " + amount(report.pledged()) + " · received " + amount(report.balance().received()) + " · committed "
                    + amount(report.balance().committed()) + " · spent " + amount(report.balance().spent()) + " · balance "
                    + amount(report.balance().balance()), 9, false);
            lines.text("", 9, false);
            lines.text("Awards", 11, true);
            lines.text("meeting | start | state | region | gender | status | attendance | committed | spent", 8, true);
            for (Award a : report.awards()) {
                lines.text(String.join(" | ", nonNull(cells(a))), 8, false);
            }
            for (String title : List.of("By state", "By region", "By gender")) {
                lines.text("", 9, false);
                lines.text(title, 11, true);
                List<Total> totals = title.equals("By state") ? report.byState() : title.equals("By region") ? report.byRegion() : report.byGender();
                for (Total t : totals) {
                    lines.text(t.key() + ": " + t.delegates() + " delegate" + (t.delegates() == 1 ? "" : "s") + ", " + amount(t.amount()), 9, false);
                }
            }
            lines.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nonNull(List<String> cells) {
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(nonNull(c)));
        return out;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** Lines of text from the top of A4 landscape pages, a new page when one is full. */
    private static final class Lines {
        private static final float MARGIN = 40;
        private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Lines(PDDocument document) throws IOException {
            this.document = document;
            page();
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void text(String text, float size, boolean bold) throws IOException {
            if (y < MARGIN + size * 1.5f) {
                page();
            }
            y -= size * 1.5f;
            PDFont font = bold ? PDType1Font.HELVETICA_BOLD : PDType1Font.HELVETICA;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(encodable(font, text));
            stream.endText();
        }

        /** Characters the font lacks become '?'. */
        private static String encodable(PDFont font, String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
