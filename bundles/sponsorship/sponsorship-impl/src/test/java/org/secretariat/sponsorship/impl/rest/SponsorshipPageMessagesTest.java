package org.secretariat.sponsorship.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.testing.MessageFiles;

/** The sponsorship page's strings in English, French and Spanish: every key of English, no blank text, the same placeholders, every literal tr('key') known. */
class SponsorshipPageMessagesTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path SHELL_STRINGS = Path.of("../../platform/platform-web/src/main/resources/shell/i18n/en.json");

    @Test
    void theSponsorshipPageHasEveryStringInEnglishFrenchAndSpanish() {
        assertTrue(Files.isRegularFile(SHELL_STRINGS), SHELL_STRINGS.toAbsolutePath() + " (the shell's strings)");
        assertTrue(Files.isRegularFile(WEB.resolve("sponsorship.js")));
        assertEquals(List.of(), new MessageFiles(MessageFiles.keysOf(SHELL_STRINGS)).check(WEB, Set.of("en", "fr", "es")));
    }
}
