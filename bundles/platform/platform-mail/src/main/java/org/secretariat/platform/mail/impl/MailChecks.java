package org.secretariat.platform.mail.impl;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.secretariat.platform.api.mail.Mail;

/**
 * What the outbox accepts: a key of letters, digits and {@code :._-}; module and template names of the
 * same kind; a language code; one plain address (no display name, no group, a domain with a dot) that
 * Jakarta Mail parses strictly; header texts without line breaks (a line break in a subject or a name
 * would let the text write headers of its own).
 */
final class MailChecks {

    static final int KEY_LENGTH = 200;
    static final int ADDRESS_LENGTH = 254;
    static final int NAME_LENGTH = 200;
    static final int SUBJECT_LENGTH = 500;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:._-]{1," + KEY_LENGTH + "}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private MailChecks() {
    }

    /** The message as the outbox stores it, or an {@link IllegalArgumentException} naming what is wrong. */
    static Mail checked(Mail mail) {
        key(mail.key());
        if (!NAME.matcher(mail.module()).matches()) {
            throw new IllegalArgumentException("mail module '" + mail.module() + "' is not a module id");
        }
        if (!NAME.matcher(mail.template()).matches()) {
            throw new IllegalArgumentException("mail template '" + mail.template() + "' is not a template name");
        }
        if (!LANGUAGE.matcher(mail.language()).matches()) {
            throw new IllegalArgumentException("mail language '" + mail.language() + "' is not a language code");
        }
        String to = address(mail.to());
        String toName = headerText("recipient name", mail.toName(), NAME_LENGTH);
        String subject = headerText("subject", mail.subject(), SUBJECT_LENGTH);
        if (subject == null) {
            throw new IllegalArgumentException("a mail needs a subject");
        }
        String html = mail.html() == null || mail.html().isBlank() ? null : mail.html();
        return new Mail(mail.key(), mail.module(), mail.template(), mail.language(), to, toName, subject, mail.text(), html);
    }

    /** The key, if it is one the outbox accepts. */
    static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("mail key must be 1 to " + KEY_LENGTH + " letters, digits or :._- (was '" + key + "')");
        }
        return key;
    }

    /**
     * The trimmed address, if it is one plain address: {@code InternetAddress} in strict mode, the same
     * text back (so no display name or group sneaks in), and a domain with a dot, as the platform's other
     * address checks ask.
     */
    static String address(String address) {
        String trimmed = address == null ? "" : address.strip();
        if (trimmed.isEmpty() || trimmed.length() > ADDRESS_LENGTH) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an e-mail address");
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            String domain = trimmed.substring(trimmed.lastIndexOf('@') + 1);
            if (parsed.isGroup() || parsed.getPersonal() != null || !trimmed.equals(parsed.getAddress()) || !domain.contains(".")
                    || domain.startsWith(".") || domain.endsWith(".")) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a plain e-mail address");
            }
            return trimmed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an e-mail address: " + e.getMessage(), e);
        }
    }

    private static String headerText(String what, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the mail's " + what + " must be one line");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException("the mail's " + what + " is at most " + max + " characters");
        }
        return stripped;
    }
}
