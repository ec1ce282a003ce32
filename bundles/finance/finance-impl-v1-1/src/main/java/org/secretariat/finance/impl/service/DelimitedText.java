package org.secretariat.finance.impl.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables people export from a spreadsheet or a ledger as text: one record a line, cells separated by
 * {@code ,} {@code ;} or a tab (whichever each line uses, since exports differ by locale), a cell in
 * double quotes may hold those characters ({@code ""} is a quote). Blank lines are left out; the
 * numbers kept are the lines' numbers in the file, as the people fixing it see them.
 */
final class DelimitedText {

    /** A line of the file: its number (from 1) and its cells, trimmed and unquoted. */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return cells.get(index);
        }

        int size() {
            return cells.size();
        }

        /** Whether this is a header naming {@code firstColumn} first (only the file's first line can be). */
        boolean isHeader(String firstColumn) {
            return number == 1 && cells.size() >= 2 && cells.get(0).equalsIgnoreCase(firstColumn);
        }
    }

    private DelimitedText() {
    }

    static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty()) {
                rows.add(new Row(i + 1, cells(line)));
            }
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && (c == ',' || c == ';' || c == '\t')) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
