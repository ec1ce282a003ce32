package org.secretariat.platform.security.impl;

import java.lang.annotation.Annotation;

/** The defaults, but a hash cheap enough for tests (the hasher's floor) and a short lockout. */
class TestSecurityConfiguration implements SecurityConfiguration {

    @Override public int idleTimeoutMinutes() { return 30; }
    @Override public int absoluteTimeoutHours() { return 12; }
    @Override public int maxFailuresPerUser() { return 100; }
    @Override public int maxFailuresPerAddress() { return 100; }
    @Override public int failureWindowMinutes() { return 15; }
    @Override public int lockoutAfterFailures() { return 3; }
    @Override public int passwordMinLength() { return 12; }
    @Override public int passwordHashIterations() { return 10_000; }
    @Override public int maxTokenDays() { return 30; }

    @Override
    public Class<? extends Annotation> annotationType() {
        return SecurityConfiguration.class;
    }
}
