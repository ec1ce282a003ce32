package org.secretariat.platform.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SubmissionLimitTest {

    @Test
    void anAddressOverTheLimitWaitsUntilItsOldestSubmissionLeavesTheWindow() {
        SubmissionLimit limit = new SubmissionLimit(2, Duration.ofMinutes(10));
        Instant start = Instant.parse("2026-06-15T10:00:00Z");
        assertTrue(limit.acquire("192.0.2.1", start).isEmpty());
        assertTrue(limit.acquire("192.0.2.1", start.plusSeconds(60)).isEmpty());
        assertEquals(Duration.ofMinutes(8), limit.acquire("192.0.2.1", start.plusSeconds(120)).orElseThrow());
        assertTrue(limit.acquire("192.0.2.2", start.plusSeconds(120)).isEmpty(), "another address counts apart");
        assertTrue(limit.acquire("192.0.2.1", start.plusSeconds(601)).isEmpty(), "the first submission left the window");
    }
}
