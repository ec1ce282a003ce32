package org.secretariat.contacts.impl.mailing;

import java.util.List;

/**
 * A mailing to send (or to try first): the group, the template's name and what staff wrote per language.
 * A recipient is written to in the language they prefer when staff wrote in it, else in the profile's
 * default language, which must then be written in (with no texts at all, a template that needs none is
 * sent in each recipient's working language).
 */
public record MailingInput(Long groupId, String template, List<TextDto> texts) {
}
