package org.secretariat.contacts.impl;

/** A treaty status that cannot be: names the field at fault. */
class InvalidStatus extends Exception {

    private static final long serialVersionUID = 1L;

    final String field;

    InvalidStatus(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }
}
