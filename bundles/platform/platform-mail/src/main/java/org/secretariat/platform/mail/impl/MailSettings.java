package org.secretariat.platform.mail.impl;

import java.time.Duration;
import java.util.Locale;

/**
 * The SMTP server and the sender's pace, checked. Without a host or a sender's address nothing is sent:
 * messages wait in the outbox, and the status says which of the two is missing.
 */
record MailSettings(String host, int port, StartTls starttls, String username, String password, String fromAddress, String fromName,
        Duration connectionTimeout, Duration timeout, Duration writeTimeout, Duration poll, RetryPolicy retry, Duration claim) {

    /** Whether the connection is upgraded with STARTTLS. */
    enum StartTls {
        /** never (a relay on the same machine or network) */
        NONE,
        /** when the server offers it */
        OPTIONAL,
        /** always; a server that does not offer it is not used */
        REQUIRED
    }

    /** The settings of a configuration, or an {@link IllegalArgumentException} naming the setting at fault. */
    static MailSettings of(MailConfiguration c) {
        String host = blankToNull(c.host());
        if (host != null && !host.matches("[A-Za-z0-9.:\\[\\]-]{1,253}")) {
            throw new IllegalArgumentException("host '" + host + "' is not a host name or address");
        }
        if (c.port() < 1 || c.port() > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535 (was " + c.port() + ")");
        }
        StartTls starttls;
        try {
            starttls = StartTls.valueOf(c.starttls().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("starttls must be none, optional or required (was '" + c.starttls() + "')");
        }
        String from = blankToNull(c.fromAddress());
        if (from != null) {
            try {
                MailChecks.address(from);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fromAddress: " + e.getMessage());
            }
        }
        String fromName = blankToNull(c.fromName());
        if (fromName != null && (fromName.indexOf('\n') >= 0 || fromName.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("fromName must be one line");
        }
        RetryPolicy retry;
        try {
            retry = new RetryPolicy(seconds("retryFirstSeconds", c.retryFirstSeconds()), seconds("retryMaxSeconds", c.retryMaxSeconds()),
                    c.maxAttempts());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 and retryMaxSeconds at least retryFirstSeconds");
        }
        Duration timeout = seconds("timeoutSeconds", c.timeoutSeconds());
        Duration claim = seconds("claimSeconds", c.claimSeconds());
        Duration connectionTimeout = seconds("connectionTimeoutSeconds", c.connectionTimeoutSeconds());
        return new MailSettings(host, c.port(), starttls, blankToNull(c.username()), blankToNull(c.password()), from, fromName,
                connectionTimeout, timeout, seconds("writeTimeoutSeconds", c.writeTimeoutSeconds()), seconds("pollSeconds", c.pollSeconds()),
                retry, claim);
    }

    private static Duration seconds(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 (was " + value + ")");
        }
        return Duration.ofSeconds(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether messages can be sent: a host and a sender's address. */
    boolean configured() {
        return host != null && fromAddress != null;
    }

    /** Why nothing is sent, or null when the settings allow sending. */
    String notConfiguredReason() {
        if (host == null) {
            return "no SMTP host is set (host in etc/" + MailConfiguration.PID + ".config): messages wait in the outbox";
        }
        if (fromAddress == null) {
            return "no sender's address is set (fromAddress in etc/" + MailConfiguration.PID + ".config): messages wait in the outbox";
        }
        return null;
    }

    /** Without the password, so that the settings can be logged or shown. */
    @Override
    public String toString() {
        return "smtp://" + (username == null ? "" : username + "@") + host + ":" + port + " starttls=" + starttls.name().toLowerCase(Locale.ROOT)
                + (password == null ? "" : " password=***") + " from=" + fromAddress;
    }
}
