package org.secretariat.it;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The convention profile the platform under test serves, as {@code GET /api/platform/profile} answers
 * it (the shipped CCM profile, or another one with {@code -Dit.profile}), and what a test expects from
 * it: entry into force by the treaty's rule and document symbols by its pattern, computed here, apart
 * from the modules' own code.
 */
record ServedProfile(String acronym, String documentSymbolPattern, String entryIntoForce, LocalDate conventionEntryIntoForce,
        Map<String, String> meetingTypes, List<String> thematicAreas) {

    static ServedProfile of(Http http) throws Exception {
        Http.Answer answer = http.get("/api/platform/profile");
        if (answer.status != 200) {
            throw new AssertionError("no profile: " + answer);
        }
        JsonNode json = answer.json;
        Map<String, String> types = new LinkedHashMap<>();
        json.get("meetingTypes").fields().forEachRemaining(type -> types.put(type.getKey(), type.getValue().asText()));
        List<String> themes = new ArrayList<>();
        json.get("thematicAreas").forEach(theme -> themes.add(theme.asText()));
        if (types.size() < 2 || themes.isEmpty()) {
            throw new AssertionError("the tests need two meeting types and a thematic area: " + json);
        }
        JsonNode convention = json.get("conventionEntryIntoForce");
        return new ServedProfile(json.get("acronym").asText(), json.get("documentSymbolPattern").asText(),
                json.get("entryIntoForce").asText(), convention == null || convention.isNull() ? null : LocalDate.parse(convention.asText()),
                types, themes);
    }

    /** The convention's first meeting type, e.g. MSP (CCM) or CSP (ATT). */
    String mainMeetingType() {
        return meetingTypes.keySet().iterator().next();
    }

    /** Another of its meeting types. */
    String otherMeetingType() {
        return new ArrayList<>(meetingTypes.keySet()).get(1);
    }

    /**
     * The date the treaty enters into force for a state that deposited on {@code deposit}: by the profile's
     * rule, and never before the convention's own entry into force where the profile gives it.
     */
    LocalDate entryIntoForce(LocalDate deposit) {
        LocalDate byRule = byRule(deposit);
        return conventionEntryIntoForce != null && byRule.isBefore(conventionEntryIntoForce) ? conventionEntryIntoForce : byRule;
    }

    private LocalDate byRule(LocalDate deposit) {
        String[] rule = entryIntoForce.split(":");
        int count = Integer.parseInt(rule[1]);
        switch (rule[0]) {
            case "first-day-of-month-after":
                return deposit.withDayOfMonth(1).plusMonths(count);
            case "day-after":
                return deposit.plusDays(count);
            default:
                throw new AssertionError("the tests know no rule " + entryIntoForce);
        }
    }

    /**
     * The symbol of a document by the profile's pattern; the official series (no category) leaves
     * out its category together with the separator after it ({@code CCM/MSP/2011/1}).
     */
    String symbol(String meetingType, Integer meetingNumber, int year, String category, int sequence) {
        String symbol = category.isEmpty() ? documentSymbolPattern.replaceAll("\\{category}[./-]?", "") : documentSymbolPattern;
        return symbol.replace("{acronym}", acronym).replace("{meetingType}", meetingType)
                .replace("{meetingNumber}", meetingNumber == null ? "" : meetingNumber.toString())
                .replace("{year}", Integer.toString(year)).replace("{category}", category).replace("{sequence}", Integer.toString(sequence));
    }
}
