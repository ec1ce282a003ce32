package org.secretariat.platform.mail.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(15), 10);
        List<Long> waits = IntStream.rangeClosed(1, 10).mapToObj(policy::delayAfter).map(Duration::getSeconds).collect(Collectors.toList());
        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 320L, 640L, 900L, 900L, 900L), waits);
        assertEquals(Duration.ofMinutes(15), policy.delayAfter(1000), "no overflow however many attempts");
    }

    @Test
    void theMessageIsGivenUpAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(15), 10);
        assertFalse(policy.givesUpAfter(9));
        assertTrue(policy.givesUpAfter(10));
        assertTrue(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).givesUpAfter(1));
    }

    @Test
    void aPolicyThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0));
    }
}
