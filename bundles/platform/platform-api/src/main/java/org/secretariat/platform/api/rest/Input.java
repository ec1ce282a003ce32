package org.secretariat.platform.api.rest;

import java.util.regex.Pattern;

/**
 * Checks of submitted fields for REST resources, each failing with a 400 {@link ApiException} that
 * names the field (or a 409 for a stale version), so every module answers bad input the same way.
 *
 * @since 1.1
 */
public final class Input {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private Input() {
    }

    /** The trimmed value; 400 if it is missing, blank or longer than {@code max}. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        return optional(field, value, max);
    }

    /** The trimmed value, null when blank. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ApiException.badRequest(field, field + " is at most " + max + " characters");
        }
        return trimmed;
    }

    /** An optional e-mail address (something@domain.tld). */
    public static String email(String field, String value) {
        String email = optional(field, value, 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest(field, field + " is not an e-mail address");
        }
        return email;
    }

    /** An optional http(s) address. */
    public static String url(String field, String value) {
        String url = optional(field, value, 300);
        if (url != null && !URL.matcher(url).matches()) {
            throw ApiException.badRequest(field, field + " must be an http:// or https:// address");
        }
        return url;
    }

    /** The value; 400 saying what is expected if it is null. */
    public static <T> T present(String field, T value, String what) {
        if (value == null) {
            throw ApiException.badRequest(field, field + " is required: " + what);
        }
        return value;
    }

    /** Optimistic locking: 400 without the version read, 409 if the record moved on since. */
    public static void version(Integer sent, int current, String entity) {
        if (sent == null) {
            throw ApiException.badRequest("version", "version is required: send the version you read");
        }
        if (sent != current) {
            throw ApiException.conflict(entity + " was changed by someone else (now version " + current + "); reload and try again");
        }
    }

    /** 400 naming {@code endDate} if it is before {@code startDate}. */
    public static void period(java.time.LocalDate start, java.time.LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.badRequest("endDate", "endDate is before startDate");
        }
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
