package org.secretariat.platform.api.domain;

import java.util.Objects;

/**
 * A rule of a module's service refused a request: a value is invalid, the record does not exist, or
 * the change conflicts with the current state. The message is meant for the person who sent the
 * request; {@link #field()} names the input field at fault when there is one. Services throw it; the
 * REST layer maps {@link Kind#INVALID} to 400, {@link Kind#NOT_FOUND} to 404 and {@link Kind#CONFLICT}
 * to 409, so a service never decides a status code and is tested without HTTP.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Kind {
        /** A submitted value breaks a rule; {@link DomainException#field()} says which. */
        INVALID,
        /** The record named does not exist. */
        NOT_FOUND,
        /** The change conflicts with the current state, e.g. someone else changed the record first. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public DomainException(Kind kind, String message, String field) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    /** {@code field}'s value breaks a rule; {@code message} says why and what would be right. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID, message, field);
    }

    /** The record asked for does not exist. */
    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message, null);
    }

    /** The change conflicts with the current state. */
    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
