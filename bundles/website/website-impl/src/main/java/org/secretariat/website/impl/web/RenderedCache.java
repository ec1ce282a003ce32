package org.secretariat.website.impl.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Answers rendered once and served again until something they may show changes: every event a module
 * posts under {@code org/secretariat/} (a meeting or document published, a state's status changed, a
 * page published, ...) empties the cache, so a change is on the site as soon as the event is delivered.
 * At most {@value #CAPACITY} answers are kept, the least recently used leaving first, and none longer
 * than {@value #LONGEST_SECONDS} s: the contacts and finance modules post no event when a state's
 * status changes or a table of contributions is published, and the status and contributions pages
 * they feed must not stay as they were until some other module's event.
 */
@Component(service = {RenderedCache.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "=org/secretariat/*")
public class RenderedCache implements EventHandler {

    static final int CAPACITY = 500;
    /** Larger answers are rendered each time rather than held in memory. */
    static final int LARGEST = 512 * 1024;
    static final long LONGEST_SECONDS = 5;

    /** A cached answer: its bytes and validators. */
    public record Entry(int status, String contentType, String language, byte[] body, String etag, long lastModified) {
    }

    /** An entry and when it was kept, by {@link #clock}. */
    private record Kept(Entry entry, long at) {
    }

    private final Map<String, Kept> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > CAPACITY;
        }
    };
    private final LongSupplier clock;
    private long generation;

    public RenderedCache() {
        this(System::nanoTime);
    }

    /** With a clock in nanoseconds, for tests. */
    RenderedCache(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        clear();
    }

    public synchronized void clear() {
        entries.clear();
        generation++;
    }

    /** Where the cache stands: an entry computed from a read before a change must not be put after it. */
    public synchronized long generation() {
        return generation;
    }

    public synchronized Entry get(String key) {
        Kept kept = entries.get(key);
        if (kept == null) {
            return null;
        }
        if (clock.getAsLong() - kept.at() > TimeUnit.SECONDS.toNanos(LONGEST_SECONDS)) {
            entries.remove(key);
            return null;
        }
        return kept.entry();
    }

    /** Keeps the entry unless the cache was cleared since {@code readAt} (its content may be stale). */
    public synchronized void put(String key, Entry entry, long readAt) {
        if (readAt == generation && entry.body().length <= LARGEST) {
            entries.put(key, new Kept(entry, clock.getAsLong()));
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
