package org.secretariat.platform.mail.impl;

import java.lang.annotation.Annotation;

/** Settings for tests: a server on this machine without STARTTLS, and a quick back-off (1 s, then 2 s, 4 s at most; 3 attempts). */
class TestMailConfiguration implements MailConfiguration {

    String host = "127.0.0.1";
    int port = 25;
    String starttls = "none";
    String username = "";
    String password = "";
    String fromAddress = "isu@secretariat.example.org";
    int maxAttempts = 3;

    TestMailConfiguration(int port) {
        this.port = port;
    }

    @Override public String host() { return host; }
    @Override public int port() { return port; }
    @Override public String starttls() { return starttls; }
    @Override public String username() { return username; }
    @Override public String password() { return password; }
    @Override public String fromAddress() { return fromAddress; }
    @Override public String fromName() { return "Implementation Support Unit"; }
    @Override public int connectionTimeoutSeconds() { return 2; }
    @Override public int timeoutSeconds() { return 5; }
    @Override public int writeTimeoutSeconds() { return 5; }
    @Override public int pollSeconds() { return 1; }
    @Override public int maxAttempts() { return maxAttempts; }
    @Override public int retryFirstSeconds() { return 1; }
    @Override public int retryMaxSeconds() { return 4; }
    @Override public int claimSeconds() { return 60; }

    @Override
    public Class<? extends Annotation> annotationType() {
        return MailConfiguration.class;
    }
}
