package org.secretariat.finance.impl.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.secretariat.finance.impl.service.AnnualReports.Column;
import org.secretariat.finance.impl.service.AnnualReports.Report;
import org.secretariat.finance.impl.service.AnnualReports.Section;
import org.secretariat.platform.api.rest.CsvCells;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The annual financial report as files: CSV (Jackson; each part its own block of a header row and its
 * rows, a blank line between parts, text cells guarded against spreadsheet formulas) and PDF (PDFBox;
 * each part a table, amounts right-aligned, the header repeated on a new page).
 */
final class ReportDocuments {

    /** A Unicode font when the system has one (Debian's fonts-dejavu); otherwise Helvetica, Latin only. */
    private static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

    private ReportDocuments() {
    }

    static String csv(Report report) {
        StringWriter out = new StringWriter();
        try (var writer = new CsvMapper().writer(CsvSchema.emptySchema()).writeValues(out)) {
            writer.write(new String[] {CsvCells.text(report.convention()), "Annual financial report " + report.year(), report.currency(),
                    "drafted " + report.drafted()});
            for (Section section : report.sections()) {
                writer.write(new String[] {""});
                writer.write(new String[] {CsvCells.text(section.title())});
                writer.write(section.columns().stream().map(Column::title).toArray(String[]::new));
                for (List<String> row : section.rows()) {
                    writer.write(cells(section, row));
                }
                if (!section.totals().isEmpty()) {
                    writer.write(cells(section, section.totals()));
                }
                writer.write(new String[] {CsvCells.text(section.note())});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Amounts as they are (a variance may be negative); text guarded. */
    private static String[] cells(Section section, List<String> row) {
        String[] cells = new String[row.size()];
        for (int i = 0; i < row.size(); i++) {
            cells[i] = section.columns().get(i).amount() ? row.get(i) : CsvCells.text(row.get(i));
        }
        return cells;
    }

    static byte[] pdf(Report report) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = unicodeFont(document);
            PDFont bold = regular != null ? regular : PDType1Font.HELVETICA_BOLD;
            if (regular == null) {
                regular = PDType1Font.HELVETICA;
            }
            Pages pages = new Pages(document, regular, bold);
            pages.text(report.convention(), 15, true, 0);
            pages.text("Annual financial report " + report.year() + " (" + report.currency() + "), drafted " + report.drafted(), 11, false, 0);
            for (Section section : report.sections()) {
                pages.gap(14);
                pages.text(section.title(), 12, true, 0);
                if (!section.rows().isEmpty()) {
                    pages.table(section);
                }
                pages.text(section.note(), 9, false, 0);
            }
            pages.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont unicodeFont(PDDocument document) throws IOException {
        for (Path font : UNICODE_FONTS) {
            if (Files.isReadable(font)) {
                try (var in = Files.newInputStream(font)) {
                    return PDType0Font.load(document, in);
                }
            }
        }
        return null;
    }

    /** A4 landscape pages filled from the top; a table's columns as wide as their widest cell, scaled to the page. */
    private static final class Pages {
        private static final float MARGIN = 40;
        private static final float SIZE = 9;
        private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void text(String text, float size, boolean strong, float x) throws IOException {
            room(size);
            y -= size * 1.4f;
            show(text, strong ? bold : regular, size, MARGIN + x);
        }

        void table(Section section) throws IOException {
            List<Column> columns = section.columns();
            float[] widths = new float[columns.size()];
            List<List<String>> all = new ArrayList<>(section.rows());
            all.add(section.totals());
            for (int i = 0; i < columns.size(); i++) {
                widths[i] = width(columns.get(i).title(), bold);
                for (List<String> row : all) {
                    if (i < row.size()) {
                        widths[i] = Math.max(widths[i], width(row.get(i), regular));
                    }
                }
                widths[i] += 12;
            }
            float total = 0;
            for (float width : widths) {
                total += width;
            }
            float scale = Math.min(1, (PAGE.getWidth() - 2 * MARGIN) / total);
            for (int i = 0; i < widths.length; i++) {
                widths[i] *= scale;
            }
            header(columns, widths);
            for (List<String> row : section.rows()) {
                if (room(SIZE)) {
                    header(columns, widths);
                }
                row(columns, widths, row, regular);
            }
            if (!section.totals().isEmpty()) {
                room(SIZE);
                row(columns, widths, section.totals(), bold);
            }
        }

        private void header(List<Column> columns, float[] widths) throws IOException {
            List<String> titles = columns.stream().map(Column::title).toList();
            row(columns, widths, titles, bold);
        }

        private void row(List<Column> columns, float[] widths, List<String> cells, PDFont font) throws IOException {
            y -= SIZE * 1.5f;
            float x = MARGIN;
            for (int i = 0; i < columns.size(); i++) {
                String cell = i < cells.size() ? encodable(font, cells.get(i)) : "";
                float offset = columns.get(i).amount() ? widths[i] - 6 - width(cell, font) : 0;
                show(cell, font, SIZE, x + Math.max(0, offset));
                x += widths[i];
            }
        }

        /** Starts a new page when {@code size} does not fit; answers whether it did. */
        private boolean room(float size) throws IOException {
            if (y < MARGIN + size * 1.5f) {
                newPage();
                return true;
            }
            return false;
        }

        private void show(String text, PDFont font, float size, float x) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(encodable(font, text));
            stream.endText();
        }

        private static float width(String text, PDFont font) throws IOException {
            return font.getStringWidth(encodable(font, text)) / 1000 * SIZE;
        }

        /** Characters the font lacks become '?'. */
        private static String encodable(PDFont font, String text) {
            StringBuilder out = new StringBuilder();
            (text == null ? "" : text).codePoints().forEach(codePoint -> {
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
