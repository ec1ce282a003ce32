package org.secretariat.expertise.impl.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A list of codes as one column, {@code |a|b|}, so that {@code LIKE '%|a|%'} finds a member. */
public final class Codes {

    private Codes() {
    }

    public static String join(Collection<String> codes) {
        return codes.isEmpty() ? "|" : "|" + String.join("|", codes) + "|";
    }

    public static List<String> split(String column) {
        if (column == null || column.length() <= 1) {
            return List.of();
        }
        return Arrays.stream(column.substring(1, column.length() - 1).split("\\|")).collect(Collectors.toList());
    }

    /** The LIKE pattern of a member (whose text never holds {@code |}, {@code %} or {@code _} unescaped: see LikePatterns). */
    public static String member(String escapedCode) {
        return "%|" + escapedCode + "|%";
    }
}
