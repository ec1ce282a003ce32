package org.secretariat.platform.api.persistence;

/**
 * Text typed by a user inside a JPQL {@code LIKE} pattern: its own {@code %}, {@code _} and
 * {@code \} match literally. Use with {@code ... LIKE :pattern ESCAPE '\'}.
 *
 * @since 1.1
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** The text with LIKE's special characters escaped by a backslash. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching values that contain the text. */
    public static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
