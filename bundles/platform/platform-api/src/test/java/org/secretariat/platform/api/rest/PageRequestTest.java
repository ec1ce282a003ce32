package org.secretariat.platform.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final Set<String> SORTABLE = Set.of("name", "date");

    @Test
    void defaultsWhenNothingIsGiven() {
        PageRequest request = PageRequest.parse(null, null, null, SORTABLE, "name");
        assertEquals(0, request.page());
        assertEquals(PageRequest.DEFAULT_SIZE, request.size());
        assertEquals("name", request.sortField());
        assertEquals(0, request.offset());
    }

    @Test
    void readsPageSizeAndDescendingSort() {
        PageRequest request = PageRequest.parse("3", "20", "date,desc", SORTABLE, "name");
        assertEquals(60, request.offset());
        assertEquals("date", request.sortField());
        assertFalse(request.ascending());
    }

    @Test
    void badValuesNameTheParameter() {
        assertEquals("page", assertThrows(ApiException.class, () -> PageRequest.parse("-1", null, null, SORTABLE, "name")).field());
        assertEquals("page", assertThrows(ApiException.class, () -> PageRequest.parse("one", null, null, SORTABLE, "name")).field());
        assertEquals("size", assertThrows(ApiException.class, () -> PageRequest.parse(null, "0", null, SORTABLE, "name")).field());
        assertEquals("size", assertThrows(ApiException.class, () -> PageRequest.parse(null, "100000", null, SORTABLE, "name")).field());
        assertEquals("sort", assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "secret", SORTABLE, "name")).field());
        assertEquals("sort", assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "name,up", SORTABLE, "name")).field());
        assertEquals(400, assertThrows(ApiException.class, () -> PageRequest.parse(null, null, "name,asc,x", SORTABLE, "name")).status());
        assertEquals("page", assertThrows(ApiException.class, () -> PageRequest.parse("5000000", "500", null, SORTABLE, "name")).field(),
                "a page beyond any list is refused, not an arithmetic overflow");
    }
}
