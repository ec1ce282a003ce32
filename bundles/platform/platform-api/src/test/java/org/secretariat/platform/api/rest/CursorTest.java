package org.secretariat.platform.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CursorTest {

    private static final Set<String> SORTABLE = Set.of("name", "date");

    @Test
    void aCursorReadsBackAsTheKeyAndIdItWasMadeOf() {
        PageRequest first = PageRequest.parse(null, "20", "date,desc", "", SORTABLE, "name");
        assertTrue(first.byCursor());
        assertFalse(first.counted());
        assertNull(first.after(), "after= empty: the first page by cursor");
        String next = Cursor.after(first, "2026-11-27T09:00:00Z", 42).encode();
        assertTrue(next.matches("[A-Za-z0-9_-]+"), "safe in a URL as it is: " + next);

        PageRequest second = PageRequest.parse(null, "20", "date,desc", next, SORTABLE, "name");
        assertEquals(42, second.after().id());
        assertEquals(Instant.parse("2026-11-27T09:00:00Z"), second.after().key(Instant::parse));
        assertEquals(0, second.offset(), "a page by cursor skips nothing");
        assertEquals("name key with\nnew line|and bar", PageRequest.parse(null, null, null,
                Cursor.after(first("name"), "name key with\nnew line|and bar", 1).encode(), SORTABLE, "name").after().key());
    }

    private static PageRequest first(String sort) {
        return PageRequest.parse(null, null, sort, "", SORTABLE, "name");
    }

    @Test
    void numberedPagesAreCountedAndHaveNoCursor() {
        PageRequest numbered = PageRequest.parse("2", null, null, null, SORTABLE, "name");
        assertFalse(numbered.byCursor());
        assertTrue(numbered.counted());
        assertNull(numbered.after());
    }

    @Test
    void aCursorOfAnotherOrderOrNoCursorAtAllIsRefusedNamingAfter() {
        String byDateDescending = Cursor.after(first("date,desc"), "2026-11-27T09:00:00Z", 42).encode();
        assertEquals("after", assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "date,asc", byDateDescending, SORTABLE, "name")).field());
        assertEquals("after", assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "name", byDateDescending, SORTABLE, "name")).field());
        for (String bad : new String[] {"%%%", "abc", encode("c1\nname\na\nforty-two\nkey"), encode("c2\nname\na\n1\nkey"), encode("c1\nname\nup\n1\nkey")}) {
            ApiException refused = assertThrows(ApiException.class, () -> PageRequest.parse(null, null, null, bad, SORTABLE, "name"), bad);
            assertEquals("after", refused.field());
            assertEquals(400, refused.status());
        }
        String edited = Cursor.after(first("date,desc"), "not a time", 42).encode();
        Cursor cursor = PageRequest.parse(null, null, "date,desc", edited, SORTABLE, "name").after();
        assertEquals("after", assertThrows(ApiException.class, () -> cursor.key(Instant::parse)).field());
        assertEquals("page", assertThrows(ApiException.class, () -> PageRequest.parse("1", null, null, "", SORTABLE, "name")).field());
        assertEquals("after", assertThrows(ApiException.class, () -> first("date").cursorOnlyBy(Set.of("name"))).field());
        first("name").cursorOnlyBy(Set.of("name"));
        PageRequest.parse("3", null, "date", null, SORTABLE, "name").cursorOnlyBy(Set.of("name"));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConditionStartsAnIndexRangeAndBreaksTiesById() {
        Cursor descending = PageRequest.parse(null, null, "date,desc", Cursor.after(first("date,desc"), "k", 9).encode(), SORTABLE, "name").after();
        assertEquals("(e.at <= :afterKey AND (e.at < :afterKey OR e.id < :afterId))", descending.condition("e.at", "e.id", false));
        assertEquals("(e.at <= :afterKey AND (e.at < :afterKey OR e.id > :afterId))", descending.condition("e.at", "e.id", true));
        Cursor ascending = PageRequest.parse(null, null, "name", Cursor.after(first("name"), "k", 9).encode(), SORTABLE, "name").after();
        assertEquals("(p.k >= :afterKey AND (p.k > :afterKey OR p.id > :afterId))", ascending.condition("p.k", "p.id", true));
    }
}
