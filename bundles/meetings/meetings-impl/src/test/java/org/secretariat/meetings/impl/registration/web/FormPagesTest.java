package org.secretariat.meetings.impl.registration.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.secretariat.meetings.impl.domain.DelegationKind;
import org.secretariat.meetings.impl.domain.ProtocolGroup;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.RegistrationForm;

/**
 * The registration form's HTML: everything from outside escaped, a label for every field, errors tied
 * to their fields and summarised with links, no script and no inline style; and its texts in every
 * language with the same keys and placeholders.
 */
class FormPagesTest {

    private static final String EVIL = "<script>alert(1)</script>\"'&";
    private static final Invitations.Opened INVITATION = new Invitations.Opened(7, 12, "Meeting " + EVIL, LocalDate.of(2011, 11, 1),
            LocalDate.of(2011, 11, 4), null, "Geneva", DelegationKind.ORGANISATION, null, "ICRC " + EVIL, ProtocolGroup.ORGANISATION,
            "focal@icrc.org", "Ann", "fr", Instant.parse("2011-10-15T17:00:00Z"));

    private static String page(Map<String, String> values, List<RegistrationForm.Problem> problems, String message) {
        return FormPages.form(new FormPages.FormView(new FormPages.Frame("fr", "/register/7.12.1.1.x", "Convention " + EVIL), "7.12.1.1.x",
                INVITATION, "nonce\"><b>", List.of("en", "fr", "es"), values, problems, message));
    }

    @Test
    void everythingFromOutsideIsEscaped() {
        String html = page(Map.of("focalName", EVIL, "d1-needs", "</textarea><script>x</script>"), List.of(), null);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
        assertFalse(html.contains("style="), "no inline style");
        assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assertTrue(html.contains("Inscription de la délégation de ICRC &lt;script&gt;"));
        assertTrue(html.contains("jusqu&#39;au 15 octobre 2011, 17:00 UTC"), html);
    }

    @Test
    void everyFieldHasItsLabelAndErrorsAreTiedToTheirFields() {
        String html = page(Map.of(), List.of(new RegistrationForm.Problem("d2-email", "error.email", 0),
                new RegistrationForm.Problem("letter", "error.letterNotPdf", 0)), null);
        Set<String> ids = new TreeSet<>();
        Matcher fields = Pattern.compile("<(?:input|select|textarea) (?:type=\"(?!hidden)[a-z]+\" )?id=\"([^\"]+)\"").matcher(html);
        while (fields.find()) {
            ids.add(fields.group(1));
        }
        assertEquals(2 + 1 + RegistrationForm.ROWS * 7 + 1, ids.size(), ids.toString());
        for (String id : ids) {
            assertTrue(html.contains("<label for=\"" + id + "\">"), "a label for " + id);
        }
        assertTrue(html.contains("<div class=\"error-summary\" role=\"alert\""), html);
        assertTrue(html.contains("<a href=\"#d2-email\">Délégué 2, Adresse électronique: Saisissez une adresse électronique"), html);
        assertTrue(html.contains("id=\"d2-email\" name=\"d2-email\" maxlength=\"200\" autocomplete=\"off\" aria-describedby=\"d2-email-error\""
                + " aria-invalid=\"true\""), html);
        assertTrue(html.contains("aria-describedby=\"letter-hint letter-error\" aria-invalid=\"true\""), html);
        assertTrue(html.contains("Veuillez choisir à nouveau le fichier"), "the file must be chosen again");
        assertTrue(html.contains("<a href=\"/register/7.12.1.1.x?lang=es\" lang=\"es\" hreflang=\"es\">Español</a>"), html);
        assertTrue(html.contains("aria-current=\"true\">Français</a>"), html);
        assertTrue(html.contains("<div class=\"hp\">"), "the honeypot");
        assertTrue(html.contains("enctype=\"multipart/form-data\""));
    }

    @Test
    void everyLanguageHasEveryTextWithTheSamePlaceholders() {
        Properties english = FormMessages.load("en");
        List<String> problems = new ArrayList<>();
        for (String language : RegistrationForm.LANGUAGES) {
            Properties texts = FormMessages.load(language);
            for (String key : english.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text == null || text.isBlank()) {
                    problems.add(language + ": " + key + " is missing");
                } else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    problems.add(language + ": " + key + " has placeholders " + placeholders(text));
                }
            }
            texts.stringPropertyNames().stream().filter(key -> !english.containsKey(key)).forEach(key -> problems.add(language + ": " + key
                    + " is not in English"));
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\{([a-z]+)}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
