package org.secretariat.finance.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.secretariat.platform.api.rest.ApiException;

/** Query parameters the finance resources share. */
final class Params {

    private Params() {
    }

    /** A bare {@code ?dryRun} asks for a dry run. */
    static boolean dryRun(String dryRun) {
        if (dryRun == null || dryRun.equalsIgnoreCase("false")) {
            return false;
        }
        if (dryRun.isEmpty() || dryRun.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("dryRun", "dryRun must be true or false");
    }

    /** A year, or null when not given. */
    static Integer year(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.badRequest(name, name + " is required");
            }
            return null;
        }
        if (!value.trim().matches("\\d{4}")) {
            throw ApiException.badRequest(name, name + " must be a year, e.g. 2025");
        }
        return Integer.valueOf(value.trim());
    }

    /** A day (YYYY-MM-DD), or null when not given. */
    static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a day, e.g. 2025-03-31");
        }
    }

    /** An uploaded text file (UTF-8, without a byte order mark) of at most {@code maxBytes}; {@code what} names it in the refusal. */
    static String text(InputStream stream, int maxBytes, String what) {
        try {
            byte[] body = stream.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new ApiException(413, what + " is at most " + (maxBytes / 1024 / 1024) + " MB", "file");
            }
            return new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (IOException e) {
            throw ApiException.badRequest("file", "the file could not be read");
        }
    }
}
