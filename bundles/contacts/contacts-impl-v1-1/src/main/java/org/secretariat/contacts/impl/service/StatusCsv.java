package org.secretariat.contacts.impl.service;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.rest.CsvCells;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Treaty status as the UN Treaty Collection publishes it: one row per participant with its
 * signature date and its deposit date followed by the instrument's code (none for ratification,
 * {@code A} acceptance, {@code AA} approval, {@code a} accession, {@code d} succession), e.g.
 * {@code Afghanistan,,"8 Sep 2011 a"}. Dates may also be ISO-8601. The first row names the columns;
 * the state column holds an English name (footnote numbers are ignored) or an ISO code.
 */
final class StatusCsv {

    static final String STATE_COLUMN = "State";
    static final String CODE_COLUMN = "ISO code";
    static final String SIGNATURE_COLUMN = "Signature";
    static final String DEPOSIT_COLUMN = "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)";

    private static final DateTimeFormatter TREATY_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TREATY_DATE_LONG = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DEPOSIT = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}|.*?\\d{4})\\s*(AA|A|a|d)?\\s*$");
    private static final Pattern FOOTNOTES = Pattern.compile("[\\s\\d,*]+$");

    /** One data row as read: the state it names and the dates, or what is wrong with it. */
    static final class Row {
        final int line;
        final String stateText;
        String iso2;
        LocalDate signatureDate;
        LocalDate depositDate;
        Instrument instrument;
        String errorField;
        String error;

        Row(int line, String stateText) {
            this.line = line;
            this.stateText = stateText;
        }

        Row fail(String field, String message) {
            if (error == null) {
                errorField = field;
                error = message;
            }
            return this;
        }

        boolean ok() {
            return error == null;
        }

        TreatyStatus impliedStatus() {
            return StatusRules.implied(signatureDate, depositDate);
        }
    }

    /** The file cannot be read as a status table at all (no header, no state column). */
    static final class UnreadableCsv extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableCsv(String message) {
            super(message, null, false, false);
        }
    }

    private StatusCsv() {
    }

    /**
     * Reads the rows. {@code states} resolves a state's name or code to its ISO alpha-2 code. Every row
     * is returned, with its error if it has one; the file's structure itself failing is an exception.
     */
    static List<Row> read(String text, Function<String, Optional<String>> states) throws UnreadableCsv {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text.replace("\uFEFF", ""))) {
            while (rows.hasNextValue()) {
                lines.add(rows.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableCsv("The file is not valid CSV: " + firstLine(e.getMessage()));
        }
        if (lines.isEmpty()) {
            throw new UnreadableCsv("The file is empty: the first row must name the columns (" + STATE_COLUMN + ", "
                    + SIGNATURE_COLUMN + ", " + DEPOSIT_COLUMN + ")");
        }
        String[] header = lines.get(0);
        int stateColumn = -1;
        int codeColumn = -1;
        int signatureColumn = -1;
        int depositColumn = -1;
        for (int i = 0; i < header.length; i++) {
            String name = Names.key(header[i]);
            if (name.equals("state") || name.startsWith("participant")) {
                stateColumn = i;
            } else if (name.equals("iso code") || name.equals("iso2") || name.equals("code")) {
                codeColumn = i;
            } else if (name.startsWith("signature")) {
                signatureColumn = i;
            } else if (name.startsWith("ratification") || name.contains("accession") || name.startsWith("deposit")) {
                depositColumn = i;
            }
        }
        if (stateColumn < 0 && codeColumn < 0) {
            throw new UnreadableCsv("No state column: the first row must name a '" + STATE_COLUMN + "' (or 'Participant') column");
        }
        if (signatureColumn < 0 || depositColumn < 0) {
            throw new UnreadableCsv("The first row must name the '" + SIGNATURE_COLUMN + "' and '" + DEPOSIT_COLUMN + "' columns");
        }
        List<Row> result = new ArrayList<>();
        for (int index = 1; index < lines.size(); index++) {
            String[] cells = lines.get(index);
            int line = index + 1; // rows are lines: the header is line 1
            if (allBlank(cells)) {
                continue;
            }
            String code = cell(cells, codeColumn);
            String name = cell(cells, stateColumn);
            Row row = new Row(line, code.isEmpty() ? name : code);
            Optional<String> iso2 = code.isEmpty() ? Optional.empty() : states.apply(code);
            if (iso2.isEmpty() && !name.isEmpty()) {
                iso2 = states.apply(name).or(() -> states.apply(FOOTNOTES.matcher(name).replaceAll("")));
            }
            if (iso2.isEmpty()) {
                row.fail("state", row.stateText.isEmpty() ? "the state is missing" : "unknown state '" + row.stateText + "'");
            }
            row.iso2 = iso2.orElse(null);
            String signature = cell(cells, signatureColumn);
            if (!signature.isEmpty()) {
                try {
                    row.signatureDate = date(signature);
                } catch (DateTimeParseException e) {
                    row.fail("signature", "'" + signature + "' is not a date (e.g. 3 Dec 2008 or 2008-12-03)");
                }
            }
            String deposit = cell(cells, depositColumn);
            if (!deposit.isEmpty()) {
                Matcher matcher = DEPOSIT.matcher(deposit);
                if (!matcher.matches()) {
                    row.fail("deposit", "'" + deposit + "' is not a date followed by an optional code A, AA, a or d");
                } else {
                    try {
                        row.depositDate = date(matcher.group(1).trim());
                        row.instrument = Instrument.ofTreatyCollectionCode(matcher.group(2));
                    } catch (DateTimeParseException e) {
                        row.fail("deposit", "'" + matcher.group(1).trim() + "' is not a date (e.g. 15 Mar 2011 or 2011-03-15)");
                    }
                }
            }
            result.add(row);
        }
        return result;
    }

    static LocalDate date(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(trimmed);
        }
        try {
            return LocalDate.parse(trimmed, TREATY_DATE);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(trimmed, TREATY_DATE_LONG);
        }
    }

    /** The states that signed or are party, in the same layout as {@link #read} takes. */
    static String write(List<StateSummary> states) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        CsvSchema schema = CsvSchema.emptySchema();
        StringWriter out = new StringWriter();
        try (var writer = mapper.writer(schema).writeValues(out)) {
            writer.write(new String[] {STATE_COLUMN, CODE_COLUMN, SIGNATURE_COLUMN, DEPOSIT_COLUMN});
            for (StateSummary state : states) {
                if (state.status() == TreatyStatus.NOT_PARTY) {
                    continue;
                }
                String deposit = state.depositDate() == null ? ""
                        : (format(state.depositDate()) + (state.instrument() == null || state.instrument().treatyCollectionCode().isEmpty()
                                ? "" : " " + state.instrument().treatyCollectionCode()));
                writer.write(new String[] {CsvCells.text(state.name("en")), state.iso2(), format(state.signatureDate()), deposit});
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String format(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));
    }

    private static String cell(String[] cells, int column) {
        return column >= 0 && column < cells.length && cells[column] != null ? cells[column].trim() : "";
    }

    private static boolean allBlank(String[] cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
