package org.secretariat.platform.api.mail;

import java.util.Objects;

/**
 * One message to one recipient, as a module queues it.
 *
 * @param key what makes this message unique: a second message queued with the same key is not sent
 *            again (e.g. {@code meetings:registration-ack:412}); letters, digits and {@code :._-}, at
 *            most 200 characters
 * @param module the module sending it, e.g. {@code meetings}
 * @param template the template's name, for the outbox and the audit log, e.g. {@code registration-ack}
 * @param language the ISO 639-1 language the message is written in
 * @param to the recipient's address
 * @param toName the recipient's name as shown in the address, or null
 * @param subject the subject line
 * @param text the plain-text body
 * @param html an HTML alternative, or null for plain text only
 */
public record Mail(String key, String module, String template, String language, String to, String toName, String subject, String text,
        String html) {

    public Mail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** A plain-text message made from a template's rendering. */
    public static Mail of(String key, String module, MailTemplates.Rendered rendered, String to, String toName) {
        return new Mail(key, module, rendered.template(), rendered.language(), to, toName, rendered.subject(), rendered.text(), null);
    }
}
