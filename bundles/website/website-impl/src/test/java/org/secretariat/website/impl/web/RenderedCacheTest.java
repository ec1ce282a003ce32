package org.secretariat.website.impl.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class RenderedCacheTest {

    private static final RenderedCache.Entry PAGE = new RenderedCache.Entry(200, "text/html", "en", new byte[] {1}, "\"e\"", 0);

    @Test
    void anAnswerIsKeptUntilAnEventOrAtMostFiveSeconds() {
        AtomicLong now = new AtomicLong(1_000);
        RenderedCache cache = new RenderedCache(now::get);
        cache.put("/en/status", PAGE, cache.generation());
        now.addAndGet(TimeUnit.SECONDS.toNanos(RenderedCache.LONGEST_SECONDS));
        assertNotNull(cache.get("/en/status"), "still fresh at five seconds");
        now.addAndGet(1);
        assertNull(cache.get("/en/status"), "a module that posts no event (contacts, finance) shows its change after five seconds");

        cache.put("/en/", PAGE, cache.generation());
        cache.handleEvent(new Event("org/secretariat/meetings/DOCUMENT_PUBLISHED", Map.of()));
        assertNull(cache.get("/en/"), "an event empties the cache at once");
        long before = cache.generation() - 1;
        cache.put("/en/", PAGE, before);
        assertNull(cache.get("/en/"), "an answer read before the event is not kept after it");
    }
}
