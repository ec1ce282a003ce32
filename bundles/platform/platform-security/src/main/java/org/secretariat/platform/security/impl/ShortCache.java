package org.secretariat.platform.security.impl;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Security answers read from the database, kept for a few seconds so that a burst of API calls with
 * one credential does not read the same rows on every call. An entry is used only while it is younger
 * than its time to live <em>and</em> nothing has been invalidated since it was read: {@link #invalidateAll}
 * (called by this node's own changes: a token revoked, a permission's roles changed) and the outside
 * change count given at construction (every write to accounts: a lock, a role or password change, a
 * deletion, the tokens an administrator withdraws) both end every entry at once, so on this node a
 * revocation counts from the next request. A change made on another node sharing the database is
 * seen at the latest when the entry's time to live has run out.
 *
 * <p>Read the {@link #generation} before reading the database and pass it to {@link #put}: an
 * answer read while an invalidation happened is never used.
 */
final class ShortCache<K, V> {

    private record Entry<V>(V value, long storedAt, long generation) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong own = new AtomicLong();
    private final LongSupplier outside;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    ShortCache(java.time.Duration ttl, int maxEntries, LongSupplier outsideChanges) {
        this(ttl, maxEntries, outsideChanges, System::nanoTime);
    }

    ShortCache(java.time.Duration ttl, int maxEntries, LongSupplier outsideChanges, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.outside = outsideChanges;
        this.nanoTime = nanoTime;
    }

    /** Moves with every invalidation, here or outside. Both counts only grow, so their sum changes whenever one does. */
    long generation() {
        return own.get() + outside.getAsLong();
    }

    /** The value kept for {@code key}, or null when there is none still valid. */
    V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation() != generation() || nanoTime.getAsLong() - entry.storedAt() >= ttlNanos) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /** Keeps {@code value}, read from the database after {@code generationBefore} was taken; dropped if anything changed since. */
    void put(K key, V value, long generationBefore) {
        if (generationBefore != generation()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear(); // bounded: many credentials at once simply read the database again
        }
        entries.put(key, new Entry<>(value, nanoTime.getAsLong(), generationBefore));
    }

    /** Nothing kept before now is used again. */
    void invalidateAll() {
        own.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
