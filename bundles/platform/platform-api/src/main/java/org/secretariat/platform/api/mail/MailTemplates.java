package org.secretariat.platform.api.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's plain-text mail templates, read from its own bundle: {@code mail/<template>/<language>.txt},
 * whose first line is {@code Subject: ...}, then an empty line, then the body. {@code {{name}}} is
 * replaced by the value given for {@code name} (a missing value is an error, so no message goes out half
 * filled). A template missing in the recipient's language is read in the first of the fallback languages
 * that has it (usually the profile's default language).
 */
public final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");

    /** A template filled in: the language it was found in, the subject and the body. */
    public record Rendered(String template, String language, String subject, String text) {
    }

    private final Class<?> owner;

    /** Templates read through {@code owner}'s class loader (a class of the module's bundle). */
    public MailTemplates(Class<?> owner) {
        this.owner = owner;
    }

    /**
     * The template in {@code language}, else in the first of {@code fallbacks} that has it, filled with
     * {@code values}.
     *
     * @throws IllegalArgumentException when no language has the template, it has no subject line, or a
     *             placeholder has no value
     */
    public Rendered render(String template, String language, List<String> fallbacks, Map<String, String> values) {
        for (String candidate : candidates(language, fallbacks)) {
            String source = read("mail/" + template + "/" + candidate + ".txt");
            if (source == null) {
                continue;
            }
            String normalised = source.replace("\r\n", "\n");
            int end = normalised.indexOf('\n');
            String first = end < 0 ? normalised : normalised.substring(0, end);
            if (!first.startsWith("Subject:")) {
                throw new IllegalArgumentException("mail/" + template + "/" + candidate + ".txt does not start with 'Subject: '");
            }
            String body = end < 0 ? "" : normalised.substring(end + 1).replaceFirst("^\n", "");
            return new Rendered(template, candidate, fill(first.substring("Subject:".length()).strip(), values, template),
                    fill(body, values, template));
        }
        throw new IllegalArgumentException("no mail template " + template + " in " + candidates(language, fallbacks));
    }

    private static List<String> candidates(String language, List<String> fallbacks) {
        java.util.List<String> order = new java.util.ArrayList<>();
        if (language != null) {
            order.add(language);
        }
        for (String fallback : fallbacks) {
            if (!order.contains(fallback)) {
                order.add(fallback);
            }
        }
        return order;
    }

    private static String fill(String text, Map<String, String> values, String template) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("mail template " + template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String read(String path) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
