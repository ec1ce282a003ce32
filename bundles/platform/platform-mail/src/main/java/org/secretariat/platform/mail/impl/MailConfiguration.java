package org.secretariat.platform.mail.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.secretariat.mail} (etc/org.secretariat.mail.config): the SMTP server and the sender's pace. */
@ObjectClassDefinition(name = "Secretariat mail")
@interface MailConfiguration {

    String PID = "org.secretariat.mail";

    @AttributeDefinition(description = "The SMTP server's host name; empty: nothing is sent and messages wait in the outbox")
    String host() default "";

    @AttributeDefinition(description = "The SMTP server's port (587 submission with STARTTLS, 25 relay)")
    int port() default 587;

    @AttributeDefinition(description = "STARTTLS: none, optional (when the server offers it) or required")
    String starttls() default "required";

    @AttributeDefinition(description = "User name for SMTP authentication; empty: no authentication")
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password for SMTP authentication")
    String password() default "";

    @AttributeDefinition(description = "The sender's address (From), e.g. isu@example.org")
    String fromAddress() default "";

    @AttributeDefinition(description = "The sender's name shown with the address")
    String fromName() default "";

    @AttributeDefinition(description = "Seconds to wait for the connection to the server")
    int connectionTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Seconds to wait for each answer of the server")
    int timeoutSeconds() default 30;

    @AttributeDefinition(description = "Seconds to wait for each write to the server")
    int writeTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Seconds between two looks at the outbox (it also looks right after a message is queued)")
    int pollSeconds() default 5;

    @AttributeDefinition(description = "Attempts before a message is given up (FAILED)")
    int maxAttempts() default 10;

    @AttributeDefinition(description = "Seconds before the second attempt; doubled after each failure")
    int retryFirstSeconds() default 10;

    @AttributeDefinition(description = "Longest wait between two attempts, seconds")
    int retryMaxSeconds() default 900;

    @AttributeDefinition(description = "Seconds a sender holds a message it is sending; must outlast the longest send. "
            + "A message whose sender died is sent again after it")
    int claimSeconds() default 300;
}
