package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.website.impl.service.TestModule.assertRefused;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;

/** The language versions of pages and news: working copy, published copy, and what their status says. */
@ExtendWith(TestModule.Shared.class)
class TextsTest {

    private final TestModule module;

    TextsTest(TestModule module) {
        this.module = module;
    }

    @Test
    void publishingCopiesTheWorkingCopyAndUnpublishingClearsIt() {
        Pages.View page = module.pages.create(new Pages.Input(null, "texts-lifecycle", null, null, null), "assistant");
        long id = page.id();
        TextView draft = module.pages.writeText(id, "en", new TextInput(" Mandate ", "The unit's mandate", "First *words*", null), "assistant");
        assertEquals("DRAFT", draft.status());
        assertEquals("Mandate", draft.title(), "trimmed");
        assertNull(draft.publishedAt());
        assertTrue(module.content.page("texts-lifecycle", "en").isEmpty(), "a draft is not public");

        TextView published = module.pages.publish(id, "en", "specialist");
        assertEquals("PUBLISHED", published.status());
        assertEquals(TestModule.NOW, published.publishedAt());
        assertEquals("specialist", published.publishedBy());
        assertEquals("Mandate", module.content.page("texts-lifecycle", "en").orElseThrow().text().title());

        TextView changed = module.pages.writeText(id, "en", new TextInput("Mandate 2025", "The unit's mandate", "New words", published.version()),
                "assistant");
        assertEquals("CHANGED", changed.status());
        PublicContent.Shown shown = module.content.page("texts-lifecycle", "en").orElseThrow().text();
        assertEquals("Mandate", shown.title(), "the public keeps the published copy while the working copy changes");
        assertEquals("<p>First <em>words</em></p>\n", shown.body().html());

        TextView republished = module.pages.publish(id, "en", "director");
        assertEquals("PUBLISHED", republished.status());
        assertEquals("Mandate 2025", module.content.page("texts-lifecycle", "en").orElseThrow().text().title());
        TextView same = module.pages.writeText(id, "en", new TextInput("Mandate 2025", "The unit's mandate", "New words", republished.version()),
                "assistant");
        assertEquals("PUBLISHED", same.status(), "the same words again are not a change");

        TextView unpublished = module.pages.unpublish(id, "en");
        assertEquals("DRAFT", unpublished.status());
        assertNull(unpublished.publishedAt());
        assertNull(unpublished.publishedBy());
        assertEquals("Mandate 2025", unpublished.title(), "the working copy stays");
        assertTrue(module.content.page("texts-lifecycle", "en").isEmpty(), "unpublished: gone for the public");
        assertTrue(module.content.publishedPagePaths().stream().noneMatch("texts-lifecycle"::equals));
    }

    @Test
    void eachLanguageIsPublishedOnItsOwn() {
        Pages.View page = module.pages.create(new Pages.Input(null, "texts-languages", null, null, null), "assistant");
        module.pages.writeText(page.id(), "fr", TestModule.text("Mandat", "Des mots"), "assistant");
        module.pages.writeText(page.id(), "en", TestModule.text("Mandate", "Words"), "assistant");
        module.pages.publish(page.id(), "fr", "specialist");
        List<String> statuses = module.pages.get(page.id()).texts().stream().map(t -> t.language() + " " + t.status()).collect(Collectors.toList());
        assertEquals(List.of("en DRAFT", "fr PUBLISHED"), statuses, "in the order of the working languages");
        module.pages.deleteText(page.id(), "fr");
        assertTrue(module.content.page("texts-languages", "fr").isEmpty());
        assertEquals(1, module.pages.get(page.id()).texts().size());
    }

    @Test
    void wrongTextsAreRefusedNamingTheField() {
        long id = module.pages.create(new Pages.Input(null, "texts-refused", null, null, null), "assistant").id();
        assertRefused(Kind.INVALID, "language", "language must be one of the working languages [en, fr, es]",
                () -> module.pages.writeText(id, "de", TestModule.text("Auftrag", null), "assistant"));
        assertRefused(Kind.INVALID, "title", "title is required", () -> module.pages.writeText(id, "en", TestModule.text(" ", null), "assistant"));
        assertRefused(Kind.INVALID, "title", "a JSON body is required", () -> module.pages.writeText(id, "en", null, "assistant"));
        assertRefused(Kind.INVALID, "body", "body is at most 32000 characters",
                () -> module.pages.writeText(id, "en", TestModule.text("Long", "x".repeat(32001)), "assistant"));
        assertRefused(Kind.NOT_FOUND, null, "Page " + id + " in es does not exist", () -> module.pages.publish(id, "es", "specialist"));
        assertRefused(Kind.NOT_FOUND, null, "Page 999999 does not exist", () -> module.pages.writeText(999999, "en", TestModule.text("x", null), "a"));

        TextView first = module.pages.writeText(id, "en", TestModule.text("First", null), "assistant");
        assertRefused(Kind.INVALID, "version", () -> module.pages.writeText(id, "en", TestModule.text("No version", null), "assistant"));
        TextView second = module.pages.writeText(id, "en", new TextInput("Second", null, null, first.version()), "assistant");
        assertRefused(Kind.CONFLICT, null, "Page " + id + " in en was changed by someone else (now version " + second.version()
                + "); reload and try again", () -> module.pages.writeText(id, "en", new TextInput("Stale", null, null, first.version()), "assistant"));
        assertEquals("Second", module.pages.draft(id, "en").title());
    }
}
