package org.secretariat.platform.mail.impl;

import java.time.Duration;

/**
 * When a message that could not be sent is tried again: after {@code first}, then twice as long after
 * each further failure, never longer than {@code longest}; after {@code maxAttempts} attempts it is given
 * up (FAILED) and waits for an administrator.
 */
record RetryPolicy(Duration first, Duration longest, int maxAttempts) {

    RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs 0 < first <= longest and at least one attempt");
        }
    }

    /** The wait before the next attempt, after {@code attempts} attempts failed (1 for the first failure). */
    Duration delayAfter(int attempts) {
        Duration delay = first;
        for (int failed = 1; failed < attempts; failed++) {
            delay = delay.multipliedBy(2);
            if (delay.compareTo(longest) >= 0) {
                return longest;
            }
        }
        return delay;
    }

    /** Whether a message that failed its {@code attempts}-th attempt is given up. */
    boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
