package ${package}.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.testing.MessageFiles;

/**
 * The staff page's message files, as the platform checks its own: a file per working language with
 * every key of English, no blank text, the same placeholders, and every tr('key') of the page present.
 */
class PageMessagesTest {

    @Test
    void everyLanguageHasEveryStringOfThePage() {
        List<String> problems = new MessageFiles(Set.of()).check(Path.of("src/main/resources/web"), List.of("en", "fr", "es"));
        assertEquals(List.of(), problems);
    }
}
