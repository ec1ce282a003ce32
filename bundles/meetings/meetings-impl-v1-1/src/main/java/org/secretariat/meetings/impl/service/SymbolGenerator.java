package org.secretariat.meetings.impl.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Official document symbols from the profile's pattern, e.g. {@code {acronym}/{meetingType}/{year}/{category}.{sequence}}
 * gives {@code CCM/MSP/2011/WP.1}. A placeholder with no value (the official series has no category
 * code, a meeting may have no number) that stands between separators disappears with one of them,
 * so the official series reads {@code CCM/MSP/2011/1}, not {@code CCM/MSP/2011/.1}.
 */
final class SymbolGenerator {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(acronym|meetingType|meetingNumber|year|category|sequence)}");
    private static final String SEPARATORS = "./-";

    private SymbolGenerator() {
    }

    static String symbol(String pattern, String acronym, String meetingType, Integer meetingNumber, int year, String categoryCode, int sequence) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        int last = 0;
        boolean dropNextSeparator = false;
        while (matcher.find()) {
            String literal = pattern.substring(last, matcher.start());
            if (dropNextSeparator && !literal.isEmpty() && SEPARATORS.indexOf(literal.charAt(0)) >= 0) {
                literal = literal.substring(1);
            }
            dropNextSeparator = false;
            out.append(literal);
            String value = value(matcher.group(1), acronym, meetingType, meetingNumber, year, categoryCode, sequence);
            if (value.isEmpty()) {
                // An empty placeholder between two separators ("2011/{category}.1") takes one of them with it;
                // one glued to text ("{meetingType}{meetingNumber}/") leaves the separators alone.
                dropNextSeparator = out.length() == 0 || SEPARATORS.indexOf(out.charAt(out.length() - 1)) >= 0;
            }
            out.append(value);
            last = matcher.end();
        }
        String tail = pattern.substring(last);
        if (dropNextSeparator) {
            if (!tail.isEmpty() && SEPARATORS.indexOf(tail.charAt(0)) >= 0) {
                tail = tail.substring(1);
            } else if (tail.isEmpty() && out.length() > 0 && SEPARATORS.indexOf(out.charAt(out.length() - 1)) >= 0) {
                out.setLength(out.length() - 1);
            }
        }
        out.append(tail);
        return out.toString();
    }

    private static String value(String name, String acronym, String meetingType, Integer meetingNumber, int year, String categoryCode, int sequence) {
        switch (name) {
            case "acronym":
                return acronym;
            case "meetingType":
                return meetingType;
            case "meetingNumber":
                return meetingNumber == null ? "" : meetingNumber.toString();
            case "year":
                return Integer.toString(year);
            case "category":
                return categoryCode;
            case "sequence":
                return Integer.toString(sequence);
            default:
                throw new IllegalArgumentException(name);
        }
    }
}
