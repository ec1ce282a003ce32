package org.secretariat.platform.security.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Counts failed logins per username and per client address over a sliding window. Past the limit,
 * further attempts are refused (429) until the oldest failure leaves the window; the answer says how
 * long to wait. Kept in memory: it guards one node against guessing, while the persistent lockout
 * after repeated failures guards the account everywhere.
 */
@Component(service = LoginThrottle.class, configurationPid = SecurityConfiguration.PID)
public final class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Activate
    public LoginThrottle(SecurityConfiguration configuration) {
        this(configuration.maxFailuresPerUser(), configuration.maxFailuresPerAddress(),
                Duration.ofMinutes(configuration.failureWindowMinutes()), Clock.systemUTC());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if they must. */
    Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = wait(userKey(username), maxPerUser, now);
        Optional<Duration> client = wait(addressKey(address), maxPerAddress, now);
        if (user.isPresent() && client.isPresent()) {
            return Optional.of(user.get().compareTo(client.get()) > 0 ? user.get() : client.get());
        }
        return user.isPresent() ? user : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(userKey(username), now);
        record(addressKey(address), now);
    }

    /** A successful login clears the user's failures (not the address's). */
    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** An administrator unlocked the account. */
    void clear(String username) {
        failures.remove(userKey(username));
    }

    private Optional<Duration> wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.isEmpty()) {
                failures.remove(key, times);
                return Optional.empty();
            }
            if (times.size() < max) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
