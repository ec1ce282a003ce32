package org.secretariat.platform.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} submissions per client address within a sliding {@code window}, counted in
 * memory on this node, for the public forms opened by {@link SignedLinks} (the address the server sees:
 * behind a reverse proxy, the proxy's, as for the login throttle). At most {@value #MAX_ADDRESSES}
 * addresses are remembered; past that, addresses whose window has passed are forgotten first, then the
 * oldest, so a flood of addresses cannot exhaust memory. meetings 1.2.0's RateLimit, made shared.
 *
 * @since 1.2
 */
public final class SubmissionLimit {

    public static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> seen = new LinkedHashMap<>();

    public SubmissionLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Counts one submission from {@code address} now, or answers how long to wait when it is over the limit (and counts nothing). */
    public synchronized Optional<Duration> acquire(String address, Instant now) {
        String key = address == null ? "" : address;
        Deque<Instant> times = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant start = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
        times.addLast(now);
        if (seen.size() > MAX_ADDRESSES) {
            forget(start);
        }
        return Optional.empty();
    }

    private void forget(Instant start) {
        seen.values().removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(start));
        Iterator<String> oldest = seen.keySet().iterator();
        while (seen.size() > MAX_ADDRESSES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
