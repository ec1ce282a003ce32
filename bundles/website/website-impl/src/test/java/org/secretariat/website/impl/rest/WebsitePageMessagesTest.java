package org.secretariat.website.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.testing.MessageFiles;

/**
 * The website's staff pages' strings in every working language of the shipped profiles (English,
 * French, Spanish): every page and key of English, no blank text, the same placeholders, and every
 * literal {@code tr('key')} of a page known. The shell's strings, which the pages fall back to, come from platform-web.
 */
class WebsitePageMessagesTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path SHELL_STRINGS = Path.of("../../platform/platform-web/src/main/resources/shell/i18n/en.json");

    @Test
    void everyWebsitePageHasEveryStringInEnglishFrenchAndSpanish() {
        assertTrue(Files.isRegularFile(SHELL_STRINGS), SHELL_STRINGS.toAbsolutePath() + " (the shell's strings)");
        for (String page : List.of("pages", "news", "theme", "texts", "dashboard/drafts")) {
            assertTrue(Files.isRegularFile(WEB.resolve(page + ".js")), page + ".js");
        }
        List<String> problems = new MessageFiles(MessageFiles.keysOf(SHELL_STRINGS)).check(WEB, Set.of("en", "fr", "es"));
        assertEquals(List.of(), problems);
    }
}
