package org.secretariat.contacts.impl.mailing;

import java.util.List;

/** A template a mailing can be written from: whether staff write its subject and body, and the working languages it is written in. */
public record TemplateDto(String name, boolean needsSubject, boolean needsBody, List<String> languages) {
}
