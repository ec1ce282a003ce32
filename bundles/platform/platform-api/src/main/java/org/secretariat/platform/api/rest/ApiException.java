package org.secretariat.platform.api.rest;

/**
 * A request the platform refuses, with the HTTP status, a message meant for the person who sent it,
 * and, when one field of the input is at fault, that field's name. The platform turns it into
 * {@code {"status":400,"error":"...","field":"..."}}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.field = field;
    }

    /** 400: the value of {@code field} is wrong; {@code message} says why and what would be right. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    /** 404: the thing asked for does not exist. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    /** 409: the request conflicts with the current state (e.g. someone else changed the record first). */
    public static ApiException conflict(String message) {
        return new ApiException(409, message, null);
    }

    public int status() {
        return status;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
