package org.secretariat.meetings.impl.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.owasp.encoder.Encode;
import org.secretariat.meetings.impl.domain.ParticipantRole;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.rest.CsvCells;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The list of participants in its three forms, grouped as protocol wants (States Parties, signatory
 * States, observer States, organisations), delegation by delegation. CSV by Jackson, HTML escaped by
 * the OWASP encoder, PDF by PDFBox.
 */
final class ParticipantLists {

    private static final Map<ProtocolGroup, String> GROUPS = Map.of(
            ProtocolGroup.STATE_PARTY, "States Parties",
            ProtocolGroup.SIGNATORY, "Signatory States",
            ProtocolGroup.OBSERVER_STATE, "Observer States",
            ProtocolGroup.ORGANISATION, "Organisations");
    /** A Unicode font for the PDF when the system has one (Debian's fonts-dejavu); otherwise Helvetica, Latin only. */
    private static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

    private ParticipantLists() {
    }

    static String csv(List<Registration> participants) {
        CsvMapper mapper = new CsvMapper();
        StringWriter out = new StringWriter();
        try (var writer = mapper.writer(CsvSchema.emptySchema()).writeValues(out)) {
            writer.write(new String[] {"Group", "Delegation", "Title", "Given name", "Family name", "Position", "Role", "Status", "Credentials",
                "Credentials received on"});
            for (Registration p : participants) {
                writer.write(new String[] {GROUPS.get(p.protocolGroup()), CsvCells.text(p.delegation()), CsvCells.text(p.honorific()),
                        CsvCells.text(p.givenName()), CsvCells.text(p.familyName()), CsvCells.text(p.positionTitle()), p.role().name(), p.status().name(),
                        p.credentialsLabel(), p.credentialsReceivedOn() == null ? "" : p.credentialsReceivedOn().toString()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String html(String title, List<Registration> participants) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Encode.forHtml(title)).append("</title></head><body>\n<h1>").append(Encode.forHtml(title)).append("</h1>\n");
        ProtocolGroup group = null;
        String delegation = null;
        for (Registration p : participants) {
            if (p.protocolGroup() != group) {
                if (delegation != null) {
                    html.append("</ul>\n");
                }
                group = p.protocolGroup();
                delegation = null;
                html.append("<h2>").append(Encode.forHtml(GROUPS.get(group))).append("</h2>\n");
            }
            if (!p.delegation().equals(delegation)) {
                if (delegation != null) {
                    html.append("</ul>\n");
                }
                delegation = p.delegation();
                html.append("<h3>").append(Encode.forHtml(delegation)).append("</h3>\n<ul>\n");
            }
            html.append("<li>").append(Encode.forHtml(line(p))).append("</li>\n");
        }
        if (delegation != null) {
            html.append("</ul>\n");
        }
        if (participants.isEmpty()) {
            html.append("<p>No participants.</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static byte[] pdf(String title, List<Registration> participants) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = unicodeFont(document);
            PDFont bold = regular != null ? regular : PDType1Font.HELVETICA_BOLD;
            if (regular == null) {
                regular = PDType1Font.HELVETICA;
            }
            PdfWriter writer = new PdfWriter(document, regular, bold);
            writer.line(title, 14, true);
            writer.gap(8);
            ProtocolGroup group = null;
            String delegation = null;
            for (Registration p : participants) {
                if (p.protocolGroup() != group) {
                    group = p.protocolGroup();
                    delegation = null;
                    writer.gap(6);
                    writer.line(GROUPS.get(group), 12, true);
                }
                if (!p.delegation().equals(delegation)) {
                    delegation = p.delegation();
                    writer.gap(3);
                    writer.line(delegation, 11, true);
                }
                writer.line("    " + line(p), 10, false);
            }
            if (participants.isEmpty()) {
                writer.line("No participants.", 10, false);
            }
            writer.close();
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

    private static String line(Registration p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.displayName());
        if (p.positionTitle() != null) {
            parts.add(p.positionTitle());
        }
        if (p.role() == ParticipantRole.HEAD_OF_DELEGATION) {
            parts.add("Head of Delegation");
        }
        return String.join(", ", parts);
    }

    /** Lines of text down A4 pages, a new page when one is full; characters the font lacks become '?'. */
    private static final class PdfWriter {
        private static final float MARGIN = 50;
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream stream;
        private float y;

        PdfWriter(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, boolean strong) throws IOException {
            if (y < MARGIN + size) {
                newPage();
            }
            PDFont font = strong ? bold : regular;
            y -= size * 1.4f;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(encodable(font, text));
            stream.endText();
        }

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
