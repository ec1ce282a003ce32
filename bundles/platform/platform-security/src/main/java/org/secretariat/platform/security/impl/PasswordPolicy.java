package org.secretariat.platform.security.impl;

import org.secretariat.platform.api.domain.DomainException;

/** ASVS 2.1: length, not composition rules; at most 128 characters; not the username. */
final class PasswordPolicy {

    static final int MAX_LENGTH = 128;

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** @throws DomainException (invalid) naming {@code field} */
    void check(String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            throw DomainException.invalid(field, "a password is required");
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            throw DomainException.invalid(field, "the password must have at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw DomainException.invalid(field, "the password must have at most " + MAX_LENGTH + " characters");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            throw DomainException.invalid(field, "the password must not be the username");
        }
    }
}
