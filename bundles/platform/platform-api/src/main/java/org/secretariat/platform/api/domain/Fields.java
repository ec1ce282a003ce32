package org.secretariat.platform.api.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Checks of submitted values for a module's services, each failing with a {@link DomainException}
 * that names the field ({@link DomainException.Kind#INVALID}), or a conflict for a stale version, so
 * every module refuses bad input the same way.
 */
public final class Fields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private Fields() {
    }

    /** The trimmed value; refused if it is missing, blank or longer than {@code max}. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        return optional(field, value, max);
    }

    /** The trimmed value, null when blank; refused if longer than {@code max}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw DomainException.invalid(field, field + " is at most " + max + " characters");
        }
        return trimmed;
    }

    /** An optional e-mail address (something@domain.tld). */
    public static String email(String field, String value) {
        String email = optional(field, value, 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid(field, field + " is not an e-mail address");
        }
        return email;
    }

    /** An optional http(s) address. */
    public static String url(String field, String value) {
        String url = optional(field, value, 300);
        if (url != null && !URL.matcher(url).matches()) {
            throw DomainException.invalid(field, field + " must be an http:// or https:// address");
        }
        return url;
    }

    /** The value; refused, saying what is expected, if it is null. */
    public static <T> T present(String field, T value, String what) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required: " + what);
        }
        return value;
    }

    /** Optimistic locking: refused without the version read, a conflict if the record moved on since. */
    public static void version(Integer sent, int current, String entity) {
        if (sent == null) {
            throw DomainException.invalid("version", "version is required: send the version you read");
        }
        if (sent != current) {
            throw DomainException.conflict(entity + " was changed by someone else (now version " + current + "); reload and try again");
        }
    }

    /** Refused, naming {@code endDate}, if it is before {@code startDate}. */
    public static void period(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw DomainException.invalid("endDate", "endDate is before startDate");
        }
    }
}
