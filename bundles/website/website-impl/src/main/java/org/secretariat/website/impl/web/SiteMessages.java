package org.secretariat.website.impl.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * The site's own words (navigation, headings, "this page is not available in your language") by
 * language, from {@code /i18n/site_<lang>.properties}; a language without a file, or a key missing in
 * one, reads English.
 */
@Component(service = SiteMessages.class)
public class SiteMessages {

    private final Map<String, Map<String, String>> byLanguage = new ConcurrentHashMap<>();

    public Map<String, String> of(String language) {
        return byLanguage.computeIfAbsent(language, l -> {
            Map<String, String> messages = new HashMap<>(load("en"));
            if (!"en".equals(l)) {
                messages.putAll(load(l));
            }
            return Map.copyOf(messages);
        });
    }

    public String get(String language, String key) {
        return of(language).getOrDefault(key, key);
    }

    static Map<String, String> load(String language) {
        Properties properties = new Properties();
        try (InputStream in = SiteMessages.class.getResourceAsStream("/i18n/site_" + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> messages = new HashMap<>();
        properties.forEach((k, v) -> messages.put(k.toString(), v.toString()));
        return messages;
    }
}
