package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.website.impl.service.TestModule.assertRefused;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;
import org.secretariat.platform.api.rest.PageRequest;

@ExtendWith(TestModule.Shared.class)
class NewsTest {

    private final TestModule module;

    NewsTest(TestModule module) {
        this.module = module;
    }

    @Test
    void newsAreListedNewestFirstAndPublishedPerLanguage() {
        News.View older = module.news.create(new News.Input(LocalDate.of(1990, 1, 10), null), "assistant");
        News.View newer = module.news.create(new News.Input(LocalDate.of(1990, 2, 20), null), "assistant");
        List<Long> listed = module.news.list(PageRequest.parse(null, "500", null, Set.of("date"), "date")).getItems().stream().map(News.View::id)
                .collect(Collectors.toList());
        assertTrue(listed.indexOf(newer.id()) < listed.indexOf(older.id()), "newest first: " + listed);

        TextView written = module.news.writeText(newer.id(), "en", TestModule.text("Newsletter of Feb", "*Words*"), "assistant");
        written = module.news.writeText(newer.id(), "en", new TextInput("Newsletter of February", null, "*Words*", written.version()), "assistant");
        assertEquals(written.version(), module.news.draft(newer.id(), "en").version(), "each answer's version is the one to send next");
        assertTrue(module.content.newsItem(newer.id(), "en").isEmpty(), "a draft is not public");
        assertEquals("DRAFT", module.news.get(newer.id()).texts().get(0).status());
        TextView published = module.news.publish(newer.id(), "en", "specialist");
        assertEquals(published.version(), module.news.draft(newer.id(), "en").version());
        PublicContent.PublicNews shown = module.content.newsItem(newer.id(), "fr").orElseThrow();
        assertEquals("Newsletter of February", shown.text().title());
        assertEquals("en", shown.text().language());
        assertTrue(shown.text().fallback(), "French asked, English shown");
        assertEquals(LocalDate.of(1990, 2, 20), shown.date());

        module.news.unpublish(newer.id(), "en");
        assertTrue(module.content.newsItem(newer.id(), "en").isEmpty());
    }

    @Test
    void aNewsItemNeedsItsDateAndItsVersion() {
        assertRefused(Kind.INVALID, "date", "date is required: the news item's date (YYYY-MM-DD)",
                () -> module.news.create(new News.Input(null, null), "assistant"));
        assertRefused(Kind.INVALID, "date", "a JSON body is required", () -> module.news.create(null, "assistant"));
        News.View item = module.news.create(new News.Input(LocalDate.of(1991, 5, 1), null), "assistant");
        News.View moved = module.news.update(item.id(), new News.Input(LocalDate.of(1991, 5, 2), item.version()));
        assertEquals(LocalDate.of(1991, 5, 2), moved.date());
        assertRefused(Kind.CONFLICT, null, "News item " + item.id() + " was changed by someone else (now version " + moved.version()
                + "); reload and try again", () -> module.news.update(item.id(), new News.Input(LocalDate.of(1991, 5, 3), item.version())));
        assertRefused(Kind.CONFLICT, null, () -> module.news.delete(item.id(), item.version()));
        assertRefused(Kind.NOT_FOUND, null, "News item 999999 does not exist", () -> module.news.get(999999));
    }

    @Test
    void deletingANewsItemDeletesItsTexts() {
        News.View item = module.news.create(new News.Input(LocalDate.of(1992, 1, 1), null), "assistant");
        module.news.writeText(item.id(), "en", TestModule.text("Soon gone", "Words"), "assistant");
        module.news.writeText(item.id(), "es", TestModule.text("Pronto", "Palabras"), "assistant");
        module.news.publish(item.id(), "es", "specialist");
        module.news.delete(item.id(), module.news.get(item.id()).version());
        assertRefused(Kind.NOT_FOUND, null, () -> module.news.get(item.id()));
        assertTrue(module.content.newsItem(item.id(), "es").isEmpty());
        assertTrue(module.content.search("Pronto", "es", 10).isEmpty(), "its texts went with it");
    }
}
