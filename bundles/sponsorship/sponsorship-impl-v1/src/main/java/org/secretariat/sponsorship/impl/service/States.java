package org.secretariat.sponsorship.impl.service;

import java.util.Locale;

import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;

/** State codes as the module takes them. */
final class States {

    private States() {
    }

    /** An ISO 3166-1 alpha-2 code in upper case, refused naming {@code field} otherwise. */
    static String code(String field, String value) {
        String code = Fields.required(field, value, 2).trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw DomainException.invalid(field, field + " is an ISO 3166-1 alpha-2 code, e.g. LA");
        }
        return code;
    }
}
