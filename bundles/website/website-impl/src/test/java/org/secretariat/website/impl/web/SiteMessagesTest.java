package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SiteMessagesTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "es");

    @Test
    void everyLanguageHasTheSameKeysWithAText() {
        TreeSet<String> english = new TreeSet<>(SiteMessages.load("en").keySet());
        for (String language : LANGUAGES) {
            Map<String, String> messages = SiteMessages.load(language);
            assertEquals(english, new TreeSet<>(messages.keySet()), "the keys of site_" + language + ".properties");
            messages.forEach((key, text) -> assertTrue(!text.isBlank(), language + ": " + key));
        }
    }

    @Test
    void everyKeyTheMeetingsTemplatesUseExists() throws IOException {
        Map<String, String> english = SiteMessages.load("en");
        Pattern used = Pattern.compile("t\\['([^']+)'\\]");
        for (String template : List.of("meetings.ftlh", "meeting.ftlh", "home-meetings.ftlh", "news.ftlh")) {
            try (InputStream in = SiteMessages.class.getResourceAsStream("/templates/" + template)) {
                Matcher keys = used.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (keys.find()) {
                    assertTrue(english.containsKey(keys.group(1)), template + " uses " + keys.group(1));
                }
            }
        }
        for (String key : List.of("meeting.status.PLANNED", "meeting.status.CONVENED", "meeting.status.CONCLUDED",
                "document.category.OFFICIAL", "document.category.WORKING_PAPER", "document.category.INFORMATION",
                "document.category.CONFERENCE_ROOM_PAPER", "document.category.DECISION", "document.category.STATEMENT",
                "document.category.BACKGROUND", "feed.news.title", "feed.documents.title", "feed.documents", "feed.documents.rss")) {
            assertTrue(english.containsKey(key), key);
        }
    }
}
