package org.secretariat.contacts.impl.mailing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.secretariat.contacts.impl.domain.MailingOutcome;
import org.secretariat.contacts.impl.domain.Person;
import org.secretariat.contacts.impl.service.Languages;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.mail.MailTemplates;

/**
 * A mailing's message, checked, and what it becomes for each recipient: the language they are written to
 * in, whether the consent rules let it go to them, and the message filled in. The same for a dry run and a
 * send, so the dry run says what the send does.
 */
final class Composition {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    /** What becomes of one recipient before the outbox is asked: skipped and why, failed and why, or the message to queue. */
    record Decision(String language, MailingOutcome outcome, String reason, MailTemplates.Rendered message) {
    }

    final MailingTemplate template;
    final String groupName;
    /** What staff wrote, by language. */
    final Map<String, TextDto> texts;
    private final List<String> languages;
    private final String defaultLanguage;
    private final ConventionProfile profile;
    private final MailTemplates templates;

    private Composition(MailingTemplate template, String groupName, Map<String, TextDto> texts, List<String> languages, String defaultLanguage,
            ConventionProfile profile, MailTemplates templates) {
        this.template = template;
        this.groupName = groupName;
        this.texts = texts;
        this.languages = languages;
        this.defaultLanguage = defaultLanguage;
        this.profile = profile;
        this.templates = templates;
    }

    /** The input checked: refused, naming the field, when the template is unknown or a text is missing, too long or in no working language. */
    static Composition of(MailingInput input, String groupName, Languages working, ConventionProfile profile, MailTemplates templates) {
        MailingTemplate template = MailingTemplate.of(Fields.required("template", input.template(), 60)).orElseThrow(() -> DomainException.invalid(
                "template", "template must be one of " + Arrays.stream(MailingTemplate.values()).map(MailingTemplate::code).collect(Collectors.toList())));
        Map<String, TextDto> texts = new LinkedHashMap<>();
        for (TextDto text : input.texts() == null ? List.<TextDto>of() : input.texts()) {
            if (text == null) {
                throw DomainException.invalid("texts", "texts holds one {language, subject, body} per language");
            }
            String language = Fields.present("texts", working.check("texts", text.language()), "each text's language");
            String field = "texts." + language + ".";
            if (texts.containsKey(language)) {
                throw DomainException.invalid(field + "subject", "one text per language: " + language + " is there twice");
            }
            String subject = template.needsSubject() ? Fields.required(field + "subject", text.subject(), MAX_SUBJECT)
                    : refused(field + "subject", text.subject(), template);
            if (subject != null && (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0)) {
                throw DomainException.invalid(field + "subject", "a subject is one line");
            }
            String body = template.needsBody() ? Fields.required(field + "body", text.body(), MAX_BODY) : Fields.optional(field + "body", text.body(), MAX_BODY);
            texts.put(language, new TextDto(language, subject, body));
        }
        String defaultLanguage = working.defaultLanguage();
        List<String> languages;
        if (texts.isEmpty()) {
            if (template.needsSubject() || template.needsBody()) {
                throw DomainException.invalid("texts." + defaultLanguage + "." + (template.needsSubject() ? "subject" : "body"),
                        "template " + template.code() + " is filled with what you write: write it at least in " + defaultLanguage);
            }
            languages = working.working();
        } else {
            if (!texts.containsKey(defaultLanguage)) {
                throw DomainException.invalid("texts." + defaultLanguage + "." + (template.needsSubject() ? "subject" : "body"),
                        "write the message in " + defaultLanguage + " too: people who prefer a language you did not write in get it in " + defaultLanguage);
            }
            languages = new ArrayList<>(texts.keySet());
        }
        return new Composition(template, groupName, texts, languages, defaultLanguage, profile, templates);
    }

    private static String refused(String field, String value, MailingTemplate template) {
        if (value != null && !value.isBlank()) {
            throw DomainException.invalid(field, "template " + template.code() + " writes its own subject");
        }
        return null;
    }

    /** The language a person is written to in: theirs if the message is written in it, else the default. */
    String languageOf(Person person) {
        return person.language != null && languages.contains(person.language) ? person.language : defaultLanguage;
    }

    /** What the consent rules and the template make of the message for this person (the outbox not asked yet). */
    Decision decide(Person person) {
        String language = languageOf(person);
        if (!person.consent) {
            return new Decision(language, MailingOutcome.SKIPPED_NO_CONSENT, "the person did not consent to be contacted", null);
        }
        if (person.email == null || person.email.isBlank()) {
            return new Decision(language, MailingOutcome.SKIPPED_NO_ADDRESS, "the person has no e-mail address", null);
        }
        try {
            return new Decision(language, MailingOutcome.QUEUED, null, render(person, language));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return new Decision(language, MailingOutcome.FAILED, "the message could not be written: " + e.getMessage(), null);
        }
    }

    MailTemplates.Rendered render(Person person, String language) {
        TextDto text = texts.getOrDefault(language, texts.get(defaultLanguage));
        Map<String, String> values = new HashMap<>();
        values.put("name", person.displayName());
        values.put("email", person.email == null ? "" : person.email);
        values.put("convention", profile.name());
        values.put("acronym", profile.acronym());
        values.put("group", groupName);
        values.put("subject", text == null || text.subject() == null ? "" : text.subject());
        values.put("body", text == null || text.body() == null ? "" : text.body());
        return templates.render(template.code(), language, List.of(defaultLanguage, "en"), values);
    }
}
