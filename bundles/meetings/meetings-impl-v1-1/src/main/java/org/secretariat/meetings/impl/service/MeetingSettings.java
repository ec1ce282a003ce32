package org.secretariat.meetings.impl.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meetings module's part of the convention profile ({@code org.secretariat.profile}, the one file
 * an administrator edits): the kinds of meeting the convention holds and the pattern of its document
 * symbols. The module reads and checks them itself ({@link MeetingSettingsReader}); the platform does
 * not. A service of the module while the profile has given valid ones.
 *
 * @param meetingTypes          meeting type codes (as used in symbols) to their names, in the written order
 * @param documentSymbolPattern e.g. {@code {acronym}/{meetingType}/{year}/{category}.{sequence}}
 */
public record MeetingSettings(Map<String, String> meetingTypes, String documentSymbolPattern) {

    /** The pattern when the profile says none. */
    public static final String DEFAULT_SYMBOL_PATTERN = "{acronym}/{meetingType}/{year}/{category}.{sequence}";
    /** What a symbol pattern may hold between braces. */
    static final Set<String> PLACEHOLDERS = Set.of("acronym", "meetingType", "meetingNumber", "year", "category", "sequence");

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,19}");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}");
    /** As long as the symbol column; a longer pattern could only give symbols that do not fit. */
    private static final int MAX_PATTERN = 100;

    public MeetingSettings {
        meetingTypes = Collections.unmodifiableMap(new LinkedHashMap<>(meetingTypes));
    }

    /**
     * Reads the profile's values as Configuration Admin gives them.
     *
     * @throws IllegalArgumentException naming the key ({@code 'meetingTypes'} or {@code 'documentSymbolPattern'})
     *                                  and what is wrong, fit for an administrator
     */
    public static MeetingSettings read(String[] meetingTypes, String documentSymbolPattern) {
        return new MeetingSettings(meetingTypes(meetingTypes), symbolPattern(documentSymbolPattern));
    }

    private static Map<String, String> meetingTypes(String[] entries) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String code = equals < 0 ? "" : entry.substring(0, equals).trim();
            String name = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (!CODE.matcher(code).matches() || name.isEmpty()) {
                throw new IllegalArgumentException("profile key 'meetingTypes': '" + entry.trim()
                        + "' must be CODE=Name, the code a letter then up to 19 letters, digits or '-', e.g. CSP=Conference of States Parties");
            }
            if (types.put(code, name) != null) {
                throw new IllegalArgumentException("profile key 'meetingTypes': code " + code + " appears twice");
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("profile key 'meetingTypes' needs at least one kind of meeting as CODE=Name");
        }
        return types;
    }

    private static String symbolPattern(String value) {
        String pattern = value == null || value.isBlank() ? DEFAULT_SYMBOL_PATTERN : value.trim();
        if (pattern.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("profile key 'documentSymbolPattern' is longer than " + MAX_PATTERN + " characters");
        }
        List<String> unknown = new ArrayList<>();
        boolean sequence = false;
        Matcher placeholder = BRACES.matcher(pattern);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (placeholder.find()) {
            outside.append(pattern, last, placeholder.start());
            last = placeholder.end();
            String name = placeholder.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                unknown.add("{" + name + "}");
            }
            sequence |= name.equals("sequence");
        }
        outside.append(pattern.substring(last));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("profile key 'documentSymbolPattern': " + String.join(", ", unknown)
                    + " is not a placeholder; use {acronym} {meetingType} {meetingNumber} {year} {category} {sequence}");
        }
        if (outside.indexOf("{") >= 0 || outside.indexOf("}") >= 0) {
            throw new IllegalArgumentException("profile key 'documentSymbolPattern': '" + pattern + "' has a brace that opens or closes no placeholder");
        }
        if (!sequence) {
            throw new IllegalArgumentException("profile key 'documentSymbolPattern': '" + pattern
                    + "' has no {sequence}, so two documents of a series would get the same symbol");
        }
        return pattern;
    }

    @Override
    public String toString() {
        return "meeting types " + meetingTypes.keySet() + ", document symbols " + documentSymbolPattern;
    }
}
