package org.secretariat.expertise.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.testing.MessageFiles;

/**
 * The expertise pages' strings in every working language of the shipped profiles (English, French,
 * Spanish): every page and key of English, no blank text, the same placeholders, and every literal
 * {@code tr('key')} of a page known.
 */
class ExpertisePageMessagesTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Path SHELL_STRINGS = Path.of("../../platform/platform-web/src/main/resources/shell/i18n/en.json");

    @Test
    void everyExpertisePageHasEveryStringInEnglishFrenchAndSpanish() {
        assertTrue(Files.isRegularFile(SHELL_STRINGS), SHELL_STRINGS.toAbsolutePath() + " (the shell's strings)");
        for (String page : List.of("experts", "requests", "contracts")) {
            assertTrue(Files.isRegularFile(WEB.resolve(page + ".js")), page + ".js");
        }
        assertEquals(List.of(), new MessageFiles(MessageFiles.keysOf(SHELL_STRINGS)).check(WEB, Set.of("en", "fr", "es")));
    }
}
