package org.secretariat.website.impl.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Answers rendered once and served again until something they may show changes: every event a module
 * posts under {@code org/secretariat/} (a meeting or document published, a state's status changed, a
 * page published, ...) empties the cache, so a change is on the site as soon as the event is delivered.
 * At most {@value #CAPACITY} answers are kept, the least recently used leaving first.
 */
@Component(service = {RenderedCache.class, EventHandler.class}, property = EventConstants.EVENT_TOPIC + "=org/secretariat/*")
public class RenderedCache implements EventHandler {

    static final int CAPACITY = 500;
    /** Larger answers are rendered each time rather than held in memory. */
    static final int LARGEST = 512 * 1024;

    /** A cached answer: its bytes and validators. */
    public record Entry(int status, String contentType, String language, byte[] body, String etag, long lastModified) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };
    private long generation;

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
        return entries.get(key);
    }

    /** Keeps the entry unless the cache was cleared since {@code readAt} (its content may be stale). */
    public synchronized void put(String key, Entry entry, long readAt) {
        if (readAt == generation && entry.body().length <= LARGEST) {
            entries.put(key, entry);
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
