package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the public sees: published copies only, in the language asked for or the next one there is. */
@ExtendWith(TestModule.Shared.class)
class PublicContentTest {

    private final TestModule module;

    PublicContentTest(TestModule module) {
        this.module = module;
    }

    private long page(Long parent, String slug, boolean inMenu) {
        return module.pages.create(new Pages.Input(parent, slug, null, inMenu, null), "assistant").id();
    }

    private void publish(long page, String language, String title, String body) {
        module.pages.writeText(page, language, TestModule.text(title, body), "assistant");
        module.pages.publish(page, language, "specialist");
    }

    private PublicContent.Shown shown(String path, String language) {
        return module.content.page(path, language).orElseThrow().text();
    }

    @Test
    void theLanguageAskedForThenTheDefaultThenTheOthers() {
        long enFr = page(null, "fallback-en-fr", true);
        publish(enFr, "en", "Members", "Body");
        publish(enFr, "fr", "Membres", "Corps");
        assertEquals("Members", shown("fallback-en-fr", "en").title());
        assertFalse(shown("fallback-en-fr", "en").fallback());
        assertEquals("Membres", shown("fallback-en-fr", "fr").title());
        PublicContent.Shown spanish = shown("fallback-en-fr", "es");
        assertEquals("en", spanish.language(), "Spanish missing: the default language before the others");
        assertTrue(spanish.fallback());
        assertEquals(List.of("en", "fr"), spanish.languages());

        long frEs = page(null, "fallback-fr-es", true);
        publish(frEs, "es", "Miembros", "Cuerpo");
        publish(frEs, "fr", "Membres", "Corps");
        assertEquals("fr", shown("fallback-fr-es", "en").language(), "no default: the others in the profile's order");
        assertEquals("es", shown("fallback-fr-es", "es").language());

        long esOnly = page(null, "fallback-es-only", true);
        publish(esOnly, "es", "Solo", "Cuerpo");
        module.pages.writeText(esOnly, "en", TestModule.text("Only a draft", "Draft"), "assistant");
        assertEquals("es", shown("fallback-es-only", "en").language(), "a draft is no version to fall back on");
        assertEquals("es", shown("fallback-es-only", "fr").language());

        assertEquals(List.of("en", "fr", "es"), module.languages.fallbackOrder("en"));
        assertEquals(List.of("fr", "en", "es"), module.languages.fallbackOrder("fr"));
        assertEquals(List.of("es", "en", "fr"), module.languages.fallbackOrder("es"));
    }

    @Test
    void onlyPublishedPagesExistForThePublic() {
        long parent = page(null, "public-parent", true);
        long draft = page(parent, "draft-child", true);
        long published = page(parent, "published-child", true);
        long hidden = page(parent, "hidden-child", false);
        publish(parent, "en", "Parent", "Parent words");
        module.pages.writeText(draft, "en", TestModule.text("Draft child", "Secret draft words"), "assistant");
        publish(published, "fr", "Enfant publié", "Mots");
        publish(hidden, "en", "Hidden child", "Not in the menu");

        assertTrue(module.content.page("public-parent/draft-child", "en").isEmpty());
        assertTrue(module.content.page("no-such-page", "en").isEmpty());
        PublicContent.PublicPage shownParent = module.content.page("public-parent", "en").orElseThrow();
        assertEquals(List.of("public-parent/published-child", "public-parent/hidden-child"),
                shownParent.children().stream().map(PublicContent.Link::path).collect(Collectors.toList()), "published children, menu or not");
        assertTrue(shownParent.children().get(0).fallback(), "the child is in French only");
        PublicContent.PublicPage child = module.content.page("public-parent/published-child", "en").orElseThrow();
        assertEquals(List.of("Parent"), child.breadcrumbs().stream().map(PublicContent.Link::title).collect(Collectors.toList()));

        PublicContent.MenuEntry entry = module.content.menu("en").stream().filter(e -> e.path().equals("public-parent")).findFirst().orElseThrow();
        assertEquals(List.of("public-parent/published-child"), entry.children().stream().map(PublicContent.Link::path).collect(Collectors.toList()),
                "the menu leaves out drafts and pages kept out of it");
        List<String> paths = module.content.publishedPagePaths();
        assertTrue(paths.contains("public-parent/published-child"));
        assertFalse(paths.contains("public-parent/draft-child"));
    }

    @Test
    void searchFindsPublishedWordsInAnyLanguageOnly() {
        long page = page(null, "search-words", true);
        publish(page, "fr", "Assistance aux victimes", "Le zorblax des victimes");
        module.pages.writeText(page, "en", TestModule.text("Victim assistance", "The quuxword draft"), "assistant");
        News.View news = module.news.create(new News.Input(LocalDate.of(1993, 3, 3), null), "assistant");
        module.news.writeText(news.id(), "en", TestModule.text("Zorblax news", "More zorblax"), "assistant");
        module.news.publish(news.id(), "en", "specialist");

        List<PublicContent.Hit> hits = module.content.search("ZORBLAX", "en", 10);
        assertEquals(List.of("page search-words fr true", "news news/" + news.id() + " en false"),
                hits.stream().map(h -> h.kind() + " " + h.path() + " " + h.language() + " " + h.fallback()).collect(Collectors.toList()));
        assertEquals("Le zorblax des victimes", hits.get(0).snippet());
        assertTrue(module.content.search("quuxword", "en", 10).isEmpty(), "a working copy is not searched");
        assertTrue(module.content.search("  ", "en", 10).isEmpty());
        assertTrue(module.content.search(null, "en", 10).isEmpty());
    }

    @Test
    void percentAndUnderscoreAreSearchedAsThemselves() {
        long percent = page(null, "search-percent", true);
        publish(percent, "en", "Growth", "Clearance grew by 47% in one year");
        long digits = page(null, "search-digits", true);
        publish(digits, "en", "Other growth", "Clearance grew by 47 hectares in one year");
        long underscore = page(null, "search-underscore", true);
        publish(underscore, "en", "Codes", "The code is zq_9");
        long letter = page(null, "search-letter", true);
        publish(letter, "en", "Other codes", "The code is zqx9");

        assertEquals(List.of("search-percent"), paths(module.content.search("47%", "en", 10)));
        assertEquals(List.of("search-underscore"), paths(module.content.search("zq_9", "en", 10)));
        assertEquals(List.of("search-digits", "search-percent"), paths(module.content.search("grew by 47", "en", 10)).stream().sorted()
                .collect(Collectors.toList()));
        assertTrue(module.content.search("%", "en", 10).stream().noneMatch(h -> h.path().equals("search-letter")), "% matches only a %");
        assertTrue(module.content.search("\\", "en", 10).isEmpty());
    }

    private static List<String> paths(List<PublicContent.Hit> hits) {
        return hits.stream().map(PublicContent.Hit::path).collect(Collectors.toList());
    }

    @Test
    void onlyPublishedNewsAreListedAndCounted() {
        long before = module.content.newsCount();
        News.View draft = module.news.create(new News.Input(LocalDate.of(2100, 1, 2), null), "assistant");
        module.news.writeText(draft.id(), "en", TestModule.text("Draft news", "Not yet"), "assistant");
        News.View published = module.news.create(new News.Input(LocalDate.of(2100, 1, 1), null), "assistant");
        module.news.writeText(published.id(), "es", TestModule.text("Noticia", "Palabras"), "assistant");
        module.news.publish(published.id(), "es", "specialist");
        assertEquals(before + 1, module.content.newsCount());
        PublicContent.PublicNews first = module.content.news("fr", 0, 1).get(0);
        assertEquals(published.id(), first.id(), "the newest published, the newer draft left out");
        assertEquals("es", first.text().language());
        assertTrue(first.text().fallback());
        assertTrue(module.content.newsItem(draft.id(), "en").isEmpty());
    }
}
