package org.secretariat.platform.persistence.impl;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the platform's database is, read from the framework properties the launcher sets from
 * {@code SECRETARIAT_DATA} and {@code SECRETARIAT_JDBC_URL}/{@code _USER}/{@code _PASSWORD}.
 */
final class DatabaseSettings {

    static final String DATA_PROPERTY = "secretariat.data";
    static final String URL_PROPERTY = "secretariat.jdbc.url";
    static final String USER_PROPERTY = "secretariat.jdbc.user";
    static final String PASSWORD_PROPERTY = "secretariat.jdbc.password";
    static final String POOL_SIZE_PROPERTY = "secretariat.jdbc.pool.size";
    private static final int DEFAULT_POOL_SIZE = 10;

    private static final String DERBY_PREFIX = "jdbc:derby:";

    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;

    private DatabaseSettings(String url, String user, String password, int poolSize) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.poolSize = poolSize;
    }

    /** Reads the settings through {@code property} (a framework property lookup). */
    static DatabaseSettings from(UnaryOperator<String> property) {
        String url = blankToNull(property.apply(URL_PROPERTY));
        if (url == null) {
            String data = blankToNull(property.apply(DATA_PROPERTY));
            Path folder = Path.of(data == null ? "data" : data).toAbsolutePath().resolve("db");
            url = DERBY_PREFIX + folder + ";create=true";
        }
        return new DatabaseSettings(url, blankToNull(property.apply(USER_PROPERTY)), blankToNull(property.apply(PASSWORD_PROPERTY)),
                poolSize(property.apply(POOL_SIZE_PROPERTY)));
    }

    private static int poolSize(String setting) {
        String value = blankToNull(setting);
        if (value == null) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= 500) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(POOL_SIZE_PROPERTY + " '" + value + "' is not a number of connections from 1 to 500");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** At most this many connections to a database server are kept open (not used for embedded Derby). */
    int poolSize() {
        return poolSize;
    }

    /** An in-process Derby database (not {@code jdbc:derby://host/...}). */
    boolean embeddedDerby() {
        return url.startsWith(DERBY_PREFIX) && !url.startsWith(DERBY_PREFIX + "//");
    }

    /** Derby network client URL. */
    boolean derbyClient() {
        return url.startsWith(DERBY_PREFIX + "//");
    }

    /** For an embedded database: the URL that shuts it down cleanly (no recovery at next boot). */
    String embeddedShutdownUrl() {
        int options = url.indexOf(';');
        String base = options < 0 ? url : url.substring(0, options);
        return base + ";shutdown=true";
    }

    /** The URL with any password option removed, fit for logs and health answers. */
    String displayUrl() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
