package org.secretariat.platform.api.rest;

import org.secretariat.platform.api.domain.Fields;

/**
 * Checks of request values for REST resources. The field checks are {@link Fields}' (they throw a
 * {@link org.secretariat.platform.api.domain.DomainException}, answered as a 400 naming the field or a
 * 409 for a stale version): a module's services call {@link Fields} directly; these delegates stay for
 * resources written before services had their own checks. {@link #flag} and {@link #wholeNumber} parse
 * query parameters, which only a resource sees.
 *
 * @since 1.1
 */
public final class Input {

    private Input() {
    }

    /** @see Fields#required(String, String, int) */
    public static String required(String field, String value, int max) {
        return Fields.required(field, value, max);
    }

    /** @see Fields#optional(String, String, int) */
    public static String optional(String field, String value, int max) {
        return Fields.optional(field, value, max);
    }

    /** @see Fields#email(String, String) */
    public static String email(String field, String value) {
        return Fields.email(field, value);
    }

    /** @see Fields#url(String, String) */
    public static String url(String field, String value) {
        return Fields.url(field, value);
    }

    /** @see Fields#present(String, Object, String) */
    public static <T> T present(String field, T value, String what) {
        return Fields.present(field, value, what);
    }

    /** @see Fields#version(Integer, int, String) */
    public static void version(Integer sent, int current, String entity) {
        Fields.version(sent, current, entity);
    }

    /** @see Fields#period(java.time.LocalDate, java.time.LocalDate) */
    public static void period(java.time.LocalDate start, java.time.LocalDate end) {
        Fields.period(start, end);
    }

    /** A yes/no query parameter: absent or blank is false; otherwise exactly {@code true} or {@code false}, else 400 naming it. */
    public static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw ApiException.badRequest(field, field + " must be true or false");
        }
    }

    /** A whole-number query parameter of at least {@code min}: null when absent, else 400 naming it. */
    public static Integer wholeNumber(String field, String value, int min) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(field, field + " must be a whole number of at least " + min);
    }
}
