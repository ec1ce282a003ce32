package org.secretariat.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a module's staff-page strings at build time: every folder of pages with an {@code i18n/}
 * folder has a message file per working language with the same pages and keys as English, no blank
 * text and the same {@code {placeholders}}; every page that loads its strings with {@code
 * ui.pageTranslator(import.meta.url)} has its entry, and every key it asks for literally
 * ({@code tr('key')}) exists in English, in the page's strings or the shell's.
 */
public final class MessageFiles {

    private static final Pattern LITERAL_KEY = Pattern.compile("\\btr\\(\\s*'([A-Za-z0-9_.-]+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+}");
    private static final String PAGE_TRANSLATOR = "pageTranslator(import.meta.url)";

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> shellKeys;

    /** @param shellKeys the keys of the shell's own strings, which every page falls back to */
    public MessageFiles(Set<String> shellKeys) {
        this.shellKeys = Set.copyOf(shellKeys);
    }

    /** The keys of a flat message file such as the shell's {@code i18n/en.json}. */
    public static Set<String> keysOf(Path flatMessageFile) {
        try {
            Set<String> keys = new TreeSet<>();
            new ObjectMapper().readTree(flatMessageFile.toFile()).fieldNames().forEachRemaining(keys::add);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems found under {@code webFolder} for these languages, each naming its file; empty when all is well. */
    public List<String> check(Path webFolder, Collection<String> languages) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> folders = Files.walk(webFolder)) {
            for (Path folder : folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().equals("i18n"))
                    .collect(Collectors.toList())) {
                checkFolder(folder, languages, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void checkFolder(Path folder, Collection<String> languages, List<String> problems) throws IOException {
        Path i18n = folder.resolve("i18n");
        List<Path> pages;
        try (Stream<Path> files = Files.list(folder)) {
            pages = files.filter(f -> f.toString().endsWith(".js")).sorted().collect(Collectors.toList());
        }
        boolean anyPageUsesFiles = false;
        for (Path page : pages) {
            anyPageUsesFiles |= Files.readString(page).contains(PAGE_TRANSLATOR);
        }
        if (!Files.isDirectory(i18n)) {
            if (anyPageUsesFiles) {
                problems.add(i18n + ": missing, but pages load their strings from it");
            }
            return;
        }
        Path englishFile = i18n.resolve("en.json");
        if (!Files.isRegularFile(englishFile)) {
            problems.add(englishFile + ": missing (English is every page's fallback)");
            return;
        }
        JsonNode english = json.readTree(englishFile.toFile());
        for (String language : new TreeSet<>(languages)) {
            if (!language.equals("en")) {
                compare(english, i18n.resolve(language + ".json"), problems);
            }
        }
        for (Path page : pages) {
            String script = Files.readString(page);
            if (!script.contains(PAGE_TRANSLATOR)) {
                continue;
            }
            String name = page.getFileName().toString().replaceAll("\\.js$", "");
            JsonNode strings = english.path(name);
            if (!strings.isObject()) {
                problems.add(englishFile + ": no strings for page '" + name + "' (" + page.getFileName() + ")");
                continue;
            }
            Matcher keys = LITERAL_KEY.matcher(script);
            while (keys.find()) {
                String key = keys.group(1);
                if (!strings.has(key) && !shellKeys.contains(key)) {
                    problems.add(page + ": tr('" + key + "') is in neither " + englishFile.getFileName() + "'s '" + name + "' nor the shell's strings");
                }
            }
        }
    }

    private void compare(JsonNode english, Path file, List<String> problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": missing (a working language of the profile)");
            return;
        }
        JsonNode translated = json.readTree(file.toFile());
        for (Iterator<Map.Entry<String, JsonNode>> pages = english.fields(); pages.hasNext(); ) {
            Map.Entry<String, JsonNode> page = pages.next();
            for (Iterator<Map.Entry<String, JsonNode>> entries = page.getValue().fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode text = translated.path(page.getKey()).path(entry.getKey());
                String where = file + ": " + page.getKey() + "." + entry.getKey();
                if (!text.isTextual() || text.asText().isBlank()) {
                    problems.add(where + " is missing");
                } else if (!placeholders(text.asText()).equals(placeholders(entry.getValue().asText()))) {
                    problems.add(where + " has placeholders " + placeholders(text.asText()) + ", English has " + placeholders(entry.getValue().asText()));
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> pages = translated.fields(); pages.hasNext(); ) {
            Map.Entry<String, JsonNode> page = pages.next();
            page.getValue().fieldNames().forEachRemaining(key -> {
                if (english.path(page.getKey()).path(key).isMissingNode()) {
                    problems.add(file + ": " + page.getKey() + "." + key + " is not in English (a typo, or left over)");
                }
            });
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
