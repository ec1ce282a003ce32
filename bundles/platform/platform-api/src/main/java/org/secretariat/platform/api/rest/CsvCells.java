package org.secretariat.platform.api.rest;

/**
 * Cells of CSV files that people open in a spreadsheet: a value that begins like a formula
 * ({@code = + - @}, tab or carriage return) is prefixed with an apostrophe, so a name typed as
 * {@code =HYPERLINK(...)} is shown as text instead of being evaluated (OWASP "CSV injection").
 *
 * @since 1.1
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The value as a spreadsheet shows it as text; null becomes empty. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
