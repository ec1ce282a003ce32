package org.secretariat.meetings.impl.registration.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.secretariat.meetings.impl.registration.RegistrationForm;

/**
 * The registration form's texts per language, {@code registration/i18n/<lang>.properties} (UTF-8) in
 * the bundle; {@code {name}} is filled from the values given. A key missing in a language is taken in
 * English ({@code FormMessagesTest} checks that none is).
 */
final class FormMessages {

    private static final Map<String, Properties> LOADED = new ConcurrentHashMap<>();

    private final Properties texts;
    private final Properties english;

    private FormMessages(String language) {
        this.texts = load(language);
        this.english = load("en");
    }

    static FormMessages of(String language) {
        return new FormMessages(RegistrationForm.LANGUAGES.contains(language) ? language : "en");
    }

    static Properties load(String language) {
        return LOADED.computeIfAbsent(language, code -> {
            Properties properties = new Properties();
            try (InputStream in = FormMessages.class.getClassLoader().getResourceAsStream("registration/i18n/" + code + ".properties")) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }

    String text(String key) {
        return text(key, Map.of());
    }

    String text(String key, Map<String, String> values) {
        String text = texts.getProperty(key, english.getProperty(key, key));
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
