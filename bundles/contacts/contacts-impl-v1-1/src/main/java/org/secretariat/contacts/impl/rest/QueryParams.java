package org.secretariat.contacts.impl.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;

/** Query parameters read into values; a malformed one is answered 400 naming it, before any service is asked. */
final class QueryParams {

    private QueryParams() {
    }

    /** The constant named (any case), null when absent; else refused with {@code refusal}. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String refusal) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, refusal);
        }
    }

    /** An ISO-8601 date, null when absent. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date like 2021-06-01");
        }
    }

    /** A record's id ({@link Input#wholeNumber}, at least 1), null when absent. */
    static Long id(String field, String value) {
        Integer id = Input.wholeNumber(field, value, 1);
        return id == null ? null : id.longValue();
    }

    /** The {@code state} a list is about: required. */
    static String state(String iso2) {
        if (iso2 == null || iso2.isBlank()) {
            throw ApiException.badRequest("state", "state is required: the ISO code of the state, e.g. ?state=FR");
        }
        return iso2;
    }
}
