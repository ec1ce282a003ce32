package org.secretariat.contacts.impl;

import java.util.regex.Pattern;

import org.secretariat.platform.api.rest.ApiException;

/** Checks of submitted fields, each failing with a 400 that names the field. */
final class Fields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private Fields() {
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field, field + " is required");
        }
        return optional(field, value, max);
    }

    /** The trimmed value, null when blank. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw ApiException.badRequest(field, field + " is at most " + max + " characters");
        }
        return trimmed;
    }

    static String email(String field, String value) {
        String email = optional(field, value, 200);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest(field, field + " is not an e-mail address");
        }
        return email;
    }

    static String url(String field, String value) {
        String url = optional(field, value, 300);
        if (url != null && !URL.matcher(url).matches()) {
            throw ApiException.badRequest(field, field + " must be an http:// or https:// address");
        }
        return url;
    }

    static <T> T present(String field, T value, String what) {
        if (value == null) {
            throw ApiException.badRequest(field, field + " is required: " + what);
        }
        return value;
    }

    static void version(Integer sent, int current, String entity) {
        if (sent == null) {
            throw ApiException.badRequest("version", "version is required: send the version you read");
        }
        if (sent != current) {
            throw ApiException.conflict(entity + " was changed by someone else (now version " + current + "); reload and try again");
        }
    }

    static void period(java.time.LocalDate start, java.time.LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.badRequest("endDate", "endDate is before startDate");
        }
    }
}
