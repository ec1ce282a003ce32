package org.secretariat.platform.security.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.secretariat.security}; the defaults follow OWASP ASVS 4.0.3 level 2. */
@ObjectClassDefinition(name = "Secretariat security")
@interface SecurityConfiguration {

    String PID = "org.secretariat.security";

    @AttributeDefinition(description = "Minutes without a request after which a session ends")
    int idleTimeoutMinutes() default 30;

    @AttributeDefinition(description = "Hours after login after which a session ends regardless")
    int absoluteTimeoutHours() default 12;

    @AttributeDefinition(description = "Failed logins per username within the window before 429")
    int maxFailuresPerUser() default 5;

    @AttributeDefinition(description = "Failed logins per client address within the window before 429")
    int maxFailuresPerAddress() default 20;

    @AttributeDefinition(description = "Window of the failed-login counts, minutes")
    int failureWindowMinutes() default 15;

    @AttributeDefinition(description = "Consecutive failed logins after which the account is locked until an administrator unlocks it")
    int lockoutAfterFailures() default 10;

    @AttributeDefinition(description = "Minimum password length")
    int passwordMinLength() default 12;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
    int passwordHashIterations() default 600000;

    @AttributeDefinition(description = "Longest lifetime of an API token, days")
    int maxTokenDays() default 366;
}
