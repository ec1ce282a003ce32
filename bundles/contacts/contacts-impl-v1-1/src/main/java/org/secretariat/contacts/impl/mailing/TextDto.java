package org.secretariat.contacts.impl.mailing;

/** What staff wrote for a mailing in one language: the values of the template's {@code {{subject}}} and {@code {{body}}}. */
public record TextDto(String language, String subject, String body) {
}
