package org.secretariat.platform.persistence.impl;

/**
 * A module's migration could not be applied; nothing of that step was kept.
 */
public final class MigrationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
