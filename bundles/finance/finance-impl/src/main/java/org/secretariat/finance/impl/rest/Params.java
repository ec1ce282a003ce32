package org.secretariat.finance.impl.rest;

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
}
