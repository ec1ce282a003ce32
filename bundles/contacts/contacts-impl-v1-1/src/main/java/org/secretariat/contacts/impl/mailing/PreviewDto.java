package org.secretariat.contacts.impl.mailing;

/** The message as one recipient in a language gets it (the first such recipient's, with their name). */
public record PreviewDto(String language, String subject, String text) {
}
