package org.secretariat.platform.api.rest;

/**
 * The body of every error answer: {@code {"status":400,"error":"...","field":"..."}}. {@code field}
 * is left out when no single input field is at fault.
 */
public final class ApiError {

    private final int status;
    private final String error;
    private final String field;

    public ApiError(int status, String error, String field) {
        this.status = status;
        this.error = error;
        this.field = field;
    }

    public int getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    /** May be {@code null}; the JSON writer leaves nulls out. */
    public String getField() {
        return field;
    }
}
