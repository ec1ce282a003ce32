package org.secretariat.platform.modules.impl;

/** A module operation refused or failed; the platform is as it was before. Status is the HTTP answer. */
final class ModuleOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    final int status;

    ModuleOperationException(int status, String message) {
        super(message);
        this.status = status;
    }
}
