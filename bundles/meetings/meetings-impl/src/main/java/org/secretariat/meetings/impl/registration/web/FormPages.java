package org.secretariat.meetings.impl.registration.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.owasp.encoder.Encode;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.meetings.impl.registration.RegistrationForm;
import org.secretariat.meetings.impl.service.Notices;

/**
 * The registration form's pages as HTML, written here rather than by a template engine: a handful of
 * pages, every value from outside passed through the OWASP encoder for its context (text or
 * attribute), no script and no inline style (the platform's Content-Security-Policy), so they work
 * the same without JavaScript. Accessibility (WCAG 2.1 AA): the page's language, one h1, labelled
 * fields grouped in fieldsets, hints and errors tied to their fields ({@code aria-describedby},
 * {@code aria-invalid}), an error summary linking to each field, a language switch in each language.
 */
final class FormPages {

    /** A page's frame: its language, the path the language switch points to, and the convention's name. */
    record Frame(String language, String path, String convention) {
    }

    /** The form to draw: what opened it, its nonce, the values typed (when shown again) and what is wrong with them. */
    record FormView(Frame frame, String token, Invitations.Opened invitation, String nonce, List<String> delegateLanguages,
            Map<String, String> values, List<RegistrationForm.Problem> problems, String message) {
    }

    private static final String[] ROLES = {"HEAD_OF_DELEGATION", "DELEGATE", "ADVISER", "OBSERVER"};

    private FormPages() {
    }

    /** "15 October 2011, 17:00 UTC" in the page's language. */
    static String when(Instant instant, String language) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return Notices.day(at.toLocalDate(), language) + ", " + String.format(Locale.ROOT, "%02d:%02d UTC", at.getHour(), at.getMinute());
    }

    static String form(FormView view) {
        FormMessages m = FormMessages.of(view.frame().language());
        Invitations.Opened invitation = view.invitation();
        StringBuilder html = new StringBuilder(16 * 1024);
        String language = view.frame().language();
        open(html, view.frame(), m, m.text("page.title", Map.of("meeting", invitation.meetingTitle())));
        html.append("<h1>").append(text(m.text("heading", Map.of("delegation", invitation.delegation())))).append("</h1>\n");
        html.append("<p class=\"meeting\">").append(text(invitation.meetingTitle())).append("</p>\n<p>")
                .append(text(dates(invitation, language))).append("</p>\n");
        html.append("<p class=\"notice\">").append(text(m.text("closes", Map.of("when", when(invitation.closesAt(), language))))).append("</p>\n");
        Map<String, String> errors = new LinkedHashMap<>();
        for (RegistrationForm.Problem problem : view.problems()) {
            errors.putIfAbsent(problem.field(), m.text(problem.key(), Map.of("max", String.valueOf(problem.max()))));
        }
        if (!errors.isEmpty() || view.message() != null) {
            html.append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\">\n<h2 id=\"error-summary-title\">")
                    .append(text(view.message() != null ? m.text(view.message()) : m.text("errors.heading"))).append("</h2>\n");
            if (!errors.isEmpty()) {
                html.append("<ul>\n");
                errors.forEach((field, message) -> html.append("<li><a href=\"#").append(attribute(field)).append("\">")
                        .append(text(label(m, field) + ": " + message)).append("</a></li>\n"));
                html.append("</ul>\n");
            }
            html.append("</div>\n");
        }
        html.append("<p>").append(text(m.text("intro"))).append("</p>\n");
        html.append("<form method=\"post\" action=\"").append(attribute("/register/" + view.token())).append("\" enctype=\"multipart/form-data\"")
                .append(" accept-charset=\"utf-8\">\n");
        hidden(html, "nonce", view.nonce());
        hidden(html, "lang", language);
        Map<String, String> values = view.values();

        html.append("<fieldset>\n<legend>").append(text(m.text("focal.legend"))).append("</legend>\n");
        input(html, m, errors, values, "focalName", "text", 200, true, "name", null);
        input(html, m, errors, values, "focalEmail", "email", 200, true, "email", m.text("focal.emailHelp"));
        html.append("</fieldset>\n");

        // Filled by robots only: hidden from people (by the stylesheet) and from assistive technology (display: none).
        html.append("<div class=\"hp\">\n<label for=\"website\">").append(text(m.text("honeypot.label")))
                .append("</label>\n<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\" value=\"\">\n</div>\n");

        for (int row = 1; row <= RegistrationForm.ROWS; row++) {
            String prefix = "d" + row + "-";
            html.append("<fieldset>\n<legend>").append(text(m.text("delegate.legend", Map.of("n", String.valueOf(row))))).append("</legend>\n");
            html.append("<div class=\"row\">\n");
            input(html, m, errors, values, prefix + "given", "text", 100, false, "off", null);
            input(html, m, errors, values, prefix + "family", "text", 100, false, "off", null);
            input(html, m, errors, values, prefix + "function", "text", 200, false, "off", null);
            input(html, m, errors, values, prefix + "email", "email", 200, false, "off", null);
            select(html, m, errors, prefix + "language", languages(view.delegateLanguages()),
                    values.getOrDefault(prefix + "language", view.delegateLanguages().contains(invitation.language()) ? invitation.language()
                            : view.delegateLanguages().get(0)));
            Map<String, String> roles = new LinkedHashMap<>();
            for (String role : ROLES) {
                roles.put(role, m.text("role." + role));
            }
            select(html, m, errors, prefix + "role", roles, values.getOrDefault(prefix + "role", row == 1 ? "HEAD_OF_DELEGATION" : "DELEGATE"));
            html.append("</div>\n");
            textarea(html, m, errors, values, prefix + "needs", 500, m.text("delegate.needsHelp"));
            html.append("</fieldset>\n");
        }

        html.append("<fieldset>\n<legend>").append(text(m.text("letter.legend"))).append("</legend>\n");
        String letterHelp = m.text("letter.help") + (view.problems().isEmpty() && view.message() == null ? "" : " " + m.text("letter.again"));
        html.append(field(m, errors, "letter", letterHelp, true));
        html.append("<input type=\"file\" id=\"letter\" name=\"letter\" accept=\"application/pdf,.pdf\" required")
                .append(described(errors, "letter", true)).append(">\n</div>\n</fieldset>\n");
        html.append("<p><button type=\"submit\">").append(text(m.text("submit"))).append("</button></p>\n</form>\n");
        return close(html);
    }

    static String received(Frame frame, String token, Invitations.Opened invitation) {
        FormMessages m = FormMessages.of(frame.language());
        StringBuilder html = new StringBuilder(4096);
        open(html, frame, m, m.text("received.title"));
        html.append("<h1>").append(text(m.text("received.title"))).append("</h1>\n<p>")
                .append(text(m.text("received.text", Map.of("delegation", invitation.delegation(), "meeting", invitation.meetingTitle()))))
                .append("</p>\n<p><a href=\"").append(attribute("/register/" + token + "?lang=" + frame.language())).append("\">")
                .append(text(m.text("received.again"))).append("</a></p>\n");
        return close(html);
    }

    /** A page that only says something: a title, a text, and a way back to the form when there is one. */
    static String message(Frame frame, String title, String body, String back) {
        FormMessages m = FormMessages.of(frame.language());
        StringBuilder html = new StringBuilder(4096);
        open(html, frame, m, title);
        html.append("<h1>").append(text(title)).append("</h1>\n<p>").append(text(body)).append("</p>\n");
        if (back != null) {
            html.append("<p><a href=\"").append(attribute(back)).append("\">").append(text(m.text("back"))).append("</a></p>\n");
        }
        return close(html);
    }

    static FormMessages messages(String language) {
        return FormMessages.of(language);
    }

    private static void open(StringBuilder html, Frame frame, FormMessages m, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(attribute(frame.language())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(text(title)).append("</title>\n<link rel=\"stylesheet\" href=\"/register/form.css\">\n</head>\n<body>\n")
                .append("<header class=\"top\">\n<p class=\"site\">").append(text(frame.convention())).append("</p>\n<nav aria-label=\"")
                .append(attribute(m.text("language.nav"))).append("\">\n<ul class=\"languages\">\n");
        for (String language : RegistrationForm.LANGUAGES) {
            html.append("<li><a href=\"").append(attribute(frame.path() + "?lang=" + language)).append("\" lang=\"").append(language)
                    .append("\" hreflang=\"").append(language).append("\"").append(language.equals(frame.language()) ? " aria-current=\"true\"" : "")
                    .append(">").append(text(languageName(language))).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n</header>\n<main id=\"main\">\n");
    }

    private static String close(StringBuilder html) {
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String dates(Invitations.Opened invitation, String language) {
        String days = invitation.startDate().equals(invitation.endDate()) ? Notices.day(invitation.startDate(), language)
                : Notices.day(invitation.startDate(), language) + " – " + Notices.day(invitation.endDate(), language);
        String place = invitation.venue() == null ? invitation.city() : invitation.city() == null ? invitation.venue()
                : invitation.venue() + ", " + invitation.city();
        return place == null ? days : days + ", " + place;
    }

    /** A language's name in itself, capitalised: English, Français, Español. */
    static String languageName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Map<String, String> languages(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        codes.forEach(code -> names.put(code, languageName(code)));
        return names;
    }

    /** The label of a field, as the error summary names it ("Delegate 2, Family name"). */
    private static String label(FormMessages m, String field) {
        if (field.matches("d[0-9]+-.*")) {
            String row = field.substring(1, field.indexOf('-'));
            return m.text("delegate.legend", Map.of("n", row)) + ", " + fieldLabel(m, field);
        }
        return fieldLabel(m, field);
    }

    /** The label beside the field itself (its fieldset's legend says which delegate). */
    private static String fieldLabel(FormMessages m, String field) {
        return m.text(labelKey(field), Map.of("max", String.valueOf(RegistrationForm.MAX_LETTER_BYTES / (1024 * 1024))));
    }

    private static String labelKey(String field) {
        switch (field.replaceFirst("^d[0-9]+-", "")) {
            case "focalName":
                return "focal.name";
            case "focalEmail":
                return "focal.email";
            case "given":
                return "delegate.given";
            case "family":
                return "delegate.family";
            case "function":
                return "delegate.function";
            case "email":
                return "delegate.email";
            case "language":
                return "delegate.language";
            case "role":
                return "delegate.role";
            case "needs":
                return "delegate.needs";
            default:
                return "letter.label";
        }
    }

    /** Opens a field's block: its label (with the required mark), its hint and its error. */
    private static String field(FormMessages m, Map<String, String> errors, String name, String hint, boolean required) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"field").append(errors.containsKey(name) ? " has-error" : "").append("\">\n<label for=\"").append(attribute(name))
                .append("\">").append(text(fieldLabel(m, name)));
        if (required) {
            html.append(" <span class=\"required-mark\" aria-hidden=\"true\">*</span>");
        }
        html.append("</label>\n");
        if (hint != null) {
            html.append("<p class=\"hint\" id=\"").append(attribute(name + "-hint")).append("\">").append(text(hint)).append("</p>\n");
        }
        if (errors.containsKey(name)) {
            html.append("<p class=\"error\" id=\"").append(attribute(name + "-error")).append("\">").append(text(m.text("error.prefix") + " "
                    + errors.get(name))).append("</p>\n");
        }
        return html.toString();
    }

    /** The field's aria-describedby (hint, error) and aria-invalid. */
    private static String described(Map<String, String> errors, String name, boolean hint) {
        String ids = (hint ? name + "-hint" : "") + (errors.containsKey(name) ? (hint ? " " : "") + name + "-error" : "");
        return (ids.isEmpty() ? "" : " aria-describedby=\"" + attribute(ids) + "\"") + (errors.containsKey(name) ? " aria-invalid=\"true\"" : "");
    }

    private static void input(StringBuilder html, FormMessages m, Map<String, String> errors, Map<String, String> values, String name, String type,
            int max, boolean required, String autocomplete, String hint) {
        html.append(field(m, errors, name, hint, required));
        html.append("<input type=\"").append(type).append("\" id=\"").append(attribute(name)).append("\" name=\"").append(attribute(name))
                .append("\" maxlength=\"").append(max).append("\" autocomplete=\"").append(autocomplete).append("\"")
                .append(required ? " required" : "").append(described(errors, name, hint != null)).append(" value=\"")
                .append(attribute(values.getOrDefault(name, ""))).append("\">\n</div>\n");
    }

    private static void textarea(StringBuilder html, FormMessages m, Map<String, String> errors, Map<String, String> values, String name, int max,
            String hint) {
        html.append(field(m, errors, name, hint, false));
        html.append("<textarea id=\"").append(attribute(name)).append("\" name=\"").append(attribute(name)).append("\" maxlength=\"").append(max)
                .append("\" rows=\"2\"").append(described(errors, name, hint != null)).append(">").append(text(values.getOrDefault(name, "")))
                .append("</textarea>\n</div>\n");
    }

    private static void select(StringBuilder html, FormMessages m, Map<String, String> errors, String name, Map<String, String> options,
            String selected) {
        html.append(field(m, errors, name, null, false));
        html.append("<select id=\"").append(attribute(name)).append("\" name=\"").append(attribute(name)).append("\"")
                .append(described(errors, name, false)).append(">\n");
        options.forEach((value, label) -> html.append("<option value=\"").append(attribute(value)).append("\"")
                .append(value.equals(selected) ? " selected" : "").append(">").append(text(label)).append("</option>\n"));
        html.append("</select>\n</div>\n");
    }

    private static void hidden(StringBuilder html, String name, String value) {
        html.append("<input type=\"hidden\" name=\"").append(attribute(name)).append("\" value=\"").append(attribute(value)).append("\">\n");
    }

    private static String text(String value) {
        return Encode.forHtml(value == null ? "" : value);
    }

    private static String attribute(String value) {
        return Encode.forHtmlAttribute(value == null ? "" : value);
    }
}
