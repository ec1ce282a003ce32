package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.function.Executable;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.EntryIntoForceRule;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.testing.ModuleDatabase;
import org.secretariat.website.impl.domain.Page;

/**
 * The website's services over their database, wired as Declarative Services wires them, for a profile
 * working in English (the default), French and Spanish, with the file store in a temporary folder and no
 * Event Admin. Now is 15 March 2025, 10:00 UTC. The tests of a run share one module ({@link Shared}):
 * each works on pages, news and words of its own.
 */
final class TestModule implements ExtensionContext.Store.CloseableResource {

    static final Instant NOW = Instant.parse("2025-03-15T10:00:00Z");
    static final long MAX_UPLOAD = 1024 * 1024;

    /** Gives a test's constructor the run's module. */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestModule.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(TestModule.class,
                    type -> new TestModule(), TestModule.class);
        }
    }

    final ModuleDatabase database = ModuleDatabase.of("website", Page.class);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Path files = temporaryFolder();
    final FileStorage storage = new FolderStorage(files);
    final SiteLanguages languages = new SiteLanguages(new Profile(List.of("en", "fr", "es")));
    final SiteChanges changes = new SiteChanges();
    final Markdown markdown = new Markdown();
    final Pages pages = new Pages(database.factory(), languages, changes, clock);
    final News news = new News(database.factory(), languages, changes, clock);
    final PublicContent content = new PublicContent(database.factory(), languages, markdown);
    final Media media = new Media(database.factory(), storage, changes, clock, MAX_UPLOAD);

    /** A top page with a slug of its own, with its English text written and published. */
    Pages.View publishedPage(String slug, String title, String body) {
        Pages.View page = pages.create(new Pages.Input(null, slug, null, null, null), "assistant");
        pages.writeText(page.id(), "en", new TextInput(title, null, body, null), "assistant");
        pages.publish(page.id(), "en", "specialist");
        return pages.get(page.id());
    }

    static TextInput text(String title, String body) {
        return new TextInput(title, null, body, null);
    }

    @Override
    public void close() {
        database.close();
        try (Stream<Path> all = Files.walk(files)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("website-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRefused(DomainException.Kind kind, String field, String message, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(message, refusal.getMessage());
        assertEquals(kind, refusal.kind(), message);
        assertEquals(field, refusal.field(), message);
    }

    static void assertRefused(DomainException.Kind kind, String field, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(kind, refusal.kind(), refusal.getMessage());
        assertEquals(field, refusal.field(), refusal.getMessage());
    }

    /** {@code <folder>/<module>}, as the platform's store is {@code <data>/files/<module>}. */
    static final class FolderStorage implements FileStorage {
        private final Path folder;

        FolderStorage(Path folder) {
            this.folder = folder;
        }

        @Override
        public Path folder(String module) {
            try {
                return Files.createDirectories(folder.resolve(module));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The profile's part the website reads: its name and working languages. */
    @SuppressWarnings("deprecation")
    static final class Profile implements ConventionProfile {
        private final List<String> languages;

        Profile(List<String> languages) {
            this.languages = languages;
        }

        @Override
        public String name() {
            return "Convention on Cluster Munitions";
        }

        @Override
        public String acronym() {
            return "CCM";
        }

        @Override
        public List<String> workingLanguages() {
            return languages;
        }

        @Override
        public List<String> thematicAreas() {
            return List.of("Universalization");
        }

        @Override
        public String documentSymbolPattern() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MonthDay fiscalYearStart() {
            return MonthDay.of(1, 1);
        }

        @Override
        public Currency currency() {
            return Currency.getInstance("CHF");
        }

        @Override
        public EntryIntoForceRule entryIntoForceRule() {
            throw new UnsupportedOperationException();
        }
    }
}
