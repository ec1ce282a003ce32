package org.secretariat.platform.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void blocksAUserAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertFalse(throttle.blocked("Alice", "10.0.0.1").isPresent());
            throttle.failed("alice", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        Duration wait = throttle.blocked("alice", "10.0.0.2").orElseThrow();
        assertEquals(Duration.ofMinutes(12), wait, "usernames are case-insensitive and the wait counts from the first failure");
        clock.now = clock.now.plus(wait);
        assertFalse(throttle.blocked("alice", "10.0.0.1").isPresent());
    }

    @Test
    void blocksAnAddressTryingManyUsernames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.blocked("someone-else", "10.0.0.9").isPresent());
        assertFalse(throttle.blocked("someone-else", "10.0.0.10").isPresent());
    }

    @Test
    void aSuccessOrAnUnlockClearsTheUser() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("bob", "10.0.0." + i);
        }
        assertTrue(throttle.blocked("bob", "10.0.0.99").isPresent());
        throttle.clear("BOB");
        assertFalse(throttle.blocked("bob", "10.0.0.99").isPresent());
    }
}
