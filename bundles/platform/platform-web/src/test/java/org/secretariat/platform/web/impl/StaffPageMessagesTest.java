package org.secretariat.platform.web.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.testing.MessageFiles;

/**
 * The build refuses staff pages that would fall back to English in a working language: every module
 * of this repository (its {@code src/main/resources/web}) is checked against the working languages of
 * every convention profile the distribution ships, and the shell's own strings as well.
 */
class StaffPageMessagesTest {

    private static final Path REPOSITORY = Path.of("../../..").toAbsolutePath().normalize();
    private static final Path SHELL_STRINGS = Path.of("src/main/resources/shell/i18n");
    private static final Pattern LANGUAGES = Pattern.compile("(?m)^workingLanguages\\s*=\\s*\\[([^\\]]*)]");

    @Test
    void everyWorkingLanguageOfEveryShippedProfileHasEveryString() throws IOException {
        Set<String> languages = shippedWorkingLanguages();
        assertTrue(languages.containsAll(Set.of("en", "fr", "es")), "languages read from the profiles: " + languages);
        MessageFiles messages = new MessageFiles(MessageFiles.keysOf(SHELL_STRINGS.resolve("en.json")));
        List<String> problems = new ArrayList<>();
        List<Path> webFolders = moduleWebFolders();
        assertTrue(webFolders.size() >= 3, "found " + webFolders);
        for (Path web : webFolders) {
            problems.addAll(messages.check(web, languages));
        }
        for (String language : languages) {
            Path file = SHELL_STRINGS.resolve(language + ".json");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            Set<String> missing = new TreeSet<>(MessageFiles.keysOf(SHELL_STRINGS.resolve("en.json")));
            missing.removeAll(MessageFiles.keysOf(file));
            // A language's name is its own name in every language (the switch reads "Español" to all), so English alone carries them.
            missing.removeIf(key -> key.startsWith("language."));
            missing.forEach(key -> problems.add(file + ": " + key + " is missing"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsAMissingTranslationAPlaceholderAndAnUnknownKey(@org.junit.jupiter.api.io.TempDir Path web) throws IOException {
        Files.createDirectories(web.resolve("i18n"));
        Files.writeString(web.resolve("page.js"), "const tr = await ui.pageTranslator(import.meta.url); tr('title'); tr('typo');");
        Files.writeString(web.resolve("i18n/en.json"), "{\"page\": {\"title\": \"Title\", \"count\": \"{count} items\"}}");
        Files.writeString(web.resolve("i18n/fr.json"), "{\"page\": {\"title\": \"Titre\", \"count\": \"{nombre} éléments\"}}");
        List<String> problems = new MessageFiles(Set.of("action.close")).check(web, Set.of("en", "fr", "es"));
        assertEquals(3, problems.size(), String.valueOf(problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("es.json") && p.contains("missing")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("page.count has placeholders")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("tr('typo')")));
        assertFalse(problems.stream().anyMatch(p -> p.contains("tr('title')")));
    }

    private static Set<String> shippedWorkingLanguages() throws IOException {
        Set<String> languages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("distribution/src/main/dist"))) {
            for (Path profile : files.filter(f -> f.getFileName().toString().matches("org\\.secretariat\\.profile.*\\.config"))
                    .collect(Collectors.toList())) {
                Matcher matcher = LANGUAGES.matcher(Files.readString(profile));
                assertTrue(matcher.find(), profile + " names no workingLanguages");
                for (String code : matcher.group(1).split(",")) {
                    languages.add(code.replace("\"", "").trim());
                }
            }
        }
        return languages;
    }

    /** Every module's pages (a released version frozen with inline strings has no i18n folder and is passed over). */
    private static List<Path> moduleWebFolders() throws IOException {
        try (Stream<Path> folders = Files.walk(REPOSITORY.resolve("bundles"), 6)) {
            return folders.filter(f -> f.endsWith(Path.of("src/main/resources/web")))
                    .sorted().collect(Collectors.toList());
        }
    }
}
