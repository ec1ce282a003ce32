package org.secretariat.website.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secretariat.website.impl.service.TestModule.assertRefused;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secretariat.platform.api.domain.DomainException.Kind;

@ExtendWith(TestModule.Shared.class)
class PagesTest {

    private final TestModule module;
    private final Pages pages;

    PagesTest(TestModule module) {
        this.module = module;
        this.pages = module.pages;
    }

    private Pages.View create(Long parent, String slug) {
        return pages.create(new Pages.Input(parent, slug, null, null, null), "assistant");
    }

    private Pages.View move(Pages.View page, Long parent, String slug) {
        return pages.update(page.id(), new Pages.Input(parent, slug, null, null, pages.get(page.id()).version()), "assistant");
    }

    @Test
    void aPageMovesAndRenamesWithEveryPageBelowIt() {
        Pages.View treaty = create(null, "treaty-texts");
        Pages.View history = create(treaty.id(), "history");
        Pages.View oslo = create(history.id(), "oslo-process");
        Pages.View work = create(null, "our-work");
        assertEquals("treaty-texts/history/oslo-process", oslo.path());
        assertEquals(treaty.id(), history.parent());

        Pages.View moved = move(history, work.id(), "history");
        assertEquals("our-work/history", moved.path());
        assertEquals(work.id(), moved.parent());
        assertEquals("our-work/history/oslo-process", pages.get(oslo.id()).path(), "the page below follows");

        move(work, null, "the-work");
        assertEquals("the-work/history", pages.get(history.id()).path());
        assertEquals("the-work/history/oslo-process", pages.get(oslo.id()).path(), "two levels below follow a rename");
        assertEquals("treaty-texts", pages.get(treaty.id()).path(), "a page whose path only starts alike stays");

        Pages.View topAgain = move(history, null, "history-of-the-treaty");
        assertEquals("history-of-the-treaty", topAgain.path());
        assertEquals(null, topAgain.parent());
        assertEquals("history-of-the-treaty/oslo-process", pages.get(oslo.id()).path());

        List<String> tree = pages.tree().stream().map(Pages.View::path).collect(Collectors.toList());
        assertTrue(tree.indexOf("history-of-the-treaty") < tree.indexOf("history-of-the-treaty/oslo-process"), "parents before children: " + tree);
    }

    @Test
    void slugsTheSiteAnswersToAndTwoLetterSlugsAreRefused() {
        for (String slug : List.of("news", "media", "search", "meetings", "sitemap", "theme", "api", "app", "register", "expertise-profile", "en", "de", "x1")) {
            assertRefused(Kind.INVALID, "slug", () -> create(null, slug));
        }
        for (String slug : List.of("About Us", "about_us", "-about", "about-", "a--b", "Über", "a/b", "..")) {
            assertRefused(Kind.INVALID, "slug", "slug must be lower-case letters and digits, words joined by '-'", () -> create(null, slug));
        }
        assertRefused(Kind.INVALID, "slug", "slug is required", () -> create(null, " "));
        assertRefused(Kind.INVALID, "slug", "a JSON body is required", () -> pages.create(null, "assistant"));
        Pages.View parent = create(null, "reserved-below");
        assertEquals("reserved-below/abc", create(parent.id(), "abc").path(), "three letters are a slug");
        assertRefused(Kind.INVALID, "slug", () -> create(parent.id(), "news"));
        assertRefused(Kind.INVALID, "parent", "parent page 999999 does not exist", () -> create(999999L, "orphan"));
    }

    @Test
    void twoPagesCannotHaveOneAddress() {
        Pages.View first = create(null, "contact");
        assertRefused(Kind.CONFLICT, null, "another page has the address /contact", () -> create(null, "contact"));
        Pages.View second = create(null, "contact-us");
        assertRefused(Kind.CONFLICT, null, "another page has the address /contact", () -> move(second, null, "contact"));
        assertEquals("contact", pages.get(first.id()).path());
    }

    @Test
    void aPageCannotBePlacedBelowItself() {
        Pages.View top = create(null, "cycle-top");
        Pages.View middle = create(top.id(), "middle");
        Pages.View bottom = create(middle.id(), "bottom");
        assertRefused(Kind.INVALID, "parent", "a page cannot be placed below itself", () -> move(top, top.id(), "cycle-top"));
        assertRefused(Kind.INVALID, "parent", "a page cannot be placed below itself", () -> move(top, middle.id(), "cycle-top"));
        assertRefused(Kind.INVALID, "parent", "a page cannot be placed below itself", () -> move(top, bottom.id(), "cycle-top"));
        assertEquals("cycle-top/middle/bottom", pages.get(bottom.id()).path(), "nothing moved");
    }

    @Test
    void pagesAreAtMostSixLevelsDeep() {
        Long parent = null;
        for (int level = 1; level <= 6; level++) {
            parent = create(parent, "level-" + level + (level == 1 ? "-deep" : "")).id();
        }
        Long deepest = parent;
        assertRefused(Kind.INVALID, "parent", "pages are at most 6 levels deep", () -> create(deepest, "level-7"));
    }

    @Test
    void aPageWithPagesBelowItIsNotDeleted() {
        Pages.View parent = create(null, "delete-parent");
        Pages.View child = create(parent.id(), "child");
        pages.writeText(parent.id(), "en", TestModule.text("Parent", "Words"), "assistant");
        assertRefused(Kind.CONFLICT, null, "Page " + parent.id() + " has 1 page(s) below it: move or delete them first",
                () -> pages.delete(parent.id(), parent.version()));
        pages.delete(child.id(), child.version());
        pages.delete(parent.id(), pages.get(parent.id()).version());
        assertRefused(Kind.NOT_FOUND, null, "Page " + parent.id() + " does not exist", () -> pages.get(parent.id()));
        assertRefused(Kind.NOT_FOUND, null, () -> pages.draft(parent.id(), "en"));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Pages.View page = create(null, "stale-version");
        Pages.View renamed = pages.update(page.id(), new Pages.Input(null, "fresh-version", null, null, page.version()), "assistant");
        assertTrue(renamed.version() > page.version());
        assertRefused(Kind.CONFLICT, null, "Page " + page.id() + " was changed by someone else (now version " + renamed.version()
                + "); reload and try again", () -> pages.update(page.id(), new Pages.Input(null, "old-version", null, null, page.version()), "assistant"));
        assertRefused(Kind.CONFLICT, null, () -> pages.delete(page.id(), page.version()));
        assertRefused(Kind.INVALID, "version", "version is required: send the version you read",
                () -> pages.update(page.id(), new Pages.Input(null, "no-version", null, null, null), "assistant"));
        assertRefused(Kind.INVALID, "version", () -> pages.delete(page.id(), null));
        assertEquals("fresh-version", pages.get(page.id()).path());
    }

    @Test
    void menuOrderFollowsCreationUnlessGiven() {
        Pages.View parent = create(null, "menu-parent");
        Pages.View first = create(parent.id(), "first");
        Pages.View second = create(parent.id(), "second");
        assertEquals(10, first.menuOrder());
        assertEquals(20, second.menuOrder());
        Pages.View hidden = pages.create(new Pages.Input(parent.id(), "hidden", 5, false, null), "assistant");
        assertEquals(5, hidden.menuOrder());
        assertEquals(false, hidden.inMenu());
        List<String> below = pages.tree().stream().filter(p -> parent.id() == (p.parent() == null ? -1 : p.parent())).map(Pages.View::slug)
                .collect(Collectors.toList());
        assertEquals(List.of("hidden", "first", "second"), below);
        Pages.View reordered = pages.update(second.id(), new Pages.Input(parent.id(), "second", 1, null, second.version()), "assistant");
        assertEquals(1, reordered.menuOrder());
        assertEquals(true, reordered.inMenu(), "kept when not sent");
    }
}
