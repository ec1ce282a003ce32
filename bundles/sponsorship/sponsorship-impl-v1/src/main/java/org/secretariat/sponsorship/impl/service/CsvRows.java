package org.secretariat.sponsorship.impl.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.secretariat.platform.api.domain.DomainException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** The rows of an imported CSV file (Jackson's CSV parser), with a header naming the columns expected. */
final class CsvRows {

    /** A data row: its number in the file (the header is 1) and its cells, trimmed. */
    record Row(int number, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES);

    private CsvRows() {
    }

    /**
     * The data rows of {@code text}, whose first line must name {@code columns} (any case, in order; more
     * columns may follow). Blank lines are left out. Refused naming the field {@code file}.
     */
    static List<Row> read(String text, String... columns) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("file", "the file is empty: its first line names the columns " + String.join(",", columns));
        }
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(text.strip())) {
            // each record is a line (a blank line reads as one empty cell), so its count is the line's number
            int number = 0;
            while (lines.hasNextValue()) {
                String[] cells = lines.nextValue();
                number++;
                if (number == 1) {
                    checkHeader(cells, columns);
                } else if (!Arrays.stream(cells).allMatch(String::isBlank)) {
                    rows.add(new Row(number, List.of(cells)));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException refusal) {
                throw refusal;
            }
            throw DomainException.invalid("file", "the file is not CSV: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return rows;
    }

    private static void checkHeader(String[] cells, String[] columns) {
        for (int i = 0; i < columns.length; i++) {
            if (i >= cells.length || !cells[i].trim().equalsIgnoreCase(columns[i])) {
                throw DomainException.invalid("file", "line 1 names the columns " + String.join(",", columns) + " (found " + String.join(",", cells)
                        + ")");
            }
        }
    }
}
