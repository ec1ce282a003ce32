package org.secretariat.platform.rest.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthCheckTest {

    @Test
    void aFailedActivationIsReportedByItsRootCause() {
        String scrFailure = "java.lang.reflect.InvocationTargetException\n"
                + "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)\n"
                + "Caused by: java.lang.IllegalArgumentException: profile key 'name' is missing or empty\n"
                + "\tat org.secretariat.platform.core.impl.ConfiguredConventionProfile.required(ConfiguredConventionProfile.java:60)\n";
        assertEquals("profile key 'name' is missing or empty", HealthCheck.firstLine(scrFailure));
    }

    @Test
    void aSingleLineFailureLosesOnlyItsExceptionClass() {
        assertEquals("database is locked", HealthCheck.firstLine("java.sql.SQLException: database is locked"));
        assertEquals("unknown reason", HealthCheck.firstLine(null));
    }
}
