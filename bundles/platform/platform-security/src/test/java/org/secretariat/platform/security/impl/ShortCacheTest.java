package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The short-lived cache of security answers: time to live, invalidation here and outside, no answer read across a change. */
class ShortCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong outside = new AtomicLong();
    private final ShortCache<String, String> cache = new ShortCache<>(Duration.ofNanos(100), 3, outside::get, now::get);

    @Test
    void anEntryLivesItsTimeToLiveAndNoLonger() {
        cache.put("a", "answer", cache.generation());
        now.addAndGet(99);
        assertEquals("answer", cache.get("a"));
        now.addAndGet(1);
        assertNull(cache.get("a"));
        assertEquals(0, cache.size(), "an expired entry is dropped when met");
    }

    @Test
    void invalidatingHereOrOutsideEndsEveryEntryAtOnce() {
        cache.put("a", "answer", cache.generation());
        cache.put("b", "other", cache.generation());
        cache.invalidateAll();
        assertNull(cache.get("a"));
        assertNull(cache.get("b"));

        cache.put("a", "answer", cache.generation());
        outside.incrementAndGet(); // e.g. an account locked
        assertNull(cache.get("a"));
    }

    @Test
    void anAnswerReadWhileSomethingChangedIsNotKept() {
        long before = cache.generation();
        cache.invalidateAll(); // a revocation between the read and the put
        cache.put("a", "stale", before);
        assertNull(cache.get("a"));

        long beforeOutside = cache.generation();
        outside.incrementAndGet();
        cache.put("a", "stale", beforeOutside);
        assertNull(cache.get("a"));
    }

    @Test
    void theNumberOfEntriesIsBounded() {
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, "v", cache.generation());
            assertTrue(cache.size() <= 3);
        }
        assertEquals("v", cache.get("k9"));
    }
}
