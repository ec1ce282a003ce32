package org.secretariat.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The launcher's settings, from the environment, checked before anything starts. Every problem is
 * reported as one {@link ConfigurationException} line that says what is wrong and how to fix it.
 */
final class LaunchSettings {

    static final int DEFAULT_PORT = 8080;

    /** A setting that cannot work; its message is shown as is and the launcher exits with {@link #exitCode}. */
    static final class ConfigurationException extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        ConfigurationException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private final Path home;
    private final Path data;
    private Path etc;
    private final String host;
    private final int port;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final String adminPassword;
    private Tls tls;
    private Integer jdbcPoolSize;
    private String node;

    /** HTTPS settings: a keystore with the server's key and certificate. */
    static final class Tls {
        final Path keystore;
        final String password;
        final String type;
        final int port;

        Tls(Path keystore, String password, String type, int port) {
            this.keystore = keystore;
            this.password = password;
            this.type = type;
            this.port = port;
        }
    }

    static final int DEFAULT_HTTPS_PORT = 8443;

    /** The shortest first administrator password accepted (the platform's password policy). */
    static final int ADMIN_PASSWORD_MIN_LENGTH = 12;

    private LaunchSettings(Path home, Path data, String host, int port, String jdbcUrl, String jdbcUser, String jdbcPassword,
            String adminPassword) {
        this.home = home;
        this.data = data;
        this.host = host;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.adminPassword = adminPassword;
    }

    /**
     * Reads and checks the settings.
     *
     * @param environment the process environment ({@code System::getenv})
     * @param home the distribution folder
     */
    static LaunchSettings read(Function<String, String> environment, Path home) throws ConfigurationException {
        int port = port(environment.apply("SECRETARIAT_PORT"));
        String host = blankToNull(environment.apply("SECRETARIAT_HOST"));
        Path data = dataFolder(environment.apply("SECRETARIAT_DATA"));
        String url = blankToNull(environment.apply("SECRETARIAT_JDBC_URL"));
        if (url != null && !url.startsWith("jdbc:")) {
            throw new ConfigurationException(2, "SECRETARIAT_JDBC_URL '" + url + "' is not a JDBC URL: it must start with 'jdbc:' (e.g. jdbc:derby://dbhost:1527/secretariat)");
        }
        String adminPassword = environment.apply("SECRETARIAT_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isEmpty() && adminPassword.codePointCount(0, adminPassword.length()) < ADMIN_PASSWORD_MIN_LENGTH) {
            throw new ConfigurationException(2, "SECRETARIAT_ADMIN_PASSWORD is too short: use at least " + ADMIN_PASSWORD_MIN_LENGTH
                    + " characters, or unset it to get a one-time password on first start");
        }
        LaunchSettings settings = new LaunchSettings(home, data, host, port, url,
                blankToNull(environment.apply("SECRETARIAT_JDBC_USER")), blankToNull(environment.apply("SECRETARIAT_JDBC_PASSWORD")),
                adminPassword == null || adminPassword.isEmpty() ? null : adminPassword);
        settings.tls = tls(environment);
        settings.jdbcPoolSize = poolSize(environment.apply("SECRETARIAT_JDBC_POOL_SIZE"));
        settings.node = node(environment.apply("SECRETARIAT_NODE"));
        settings.etc = etcFolder(environment.apply("SECRETARIAT_ETC"), home);
        return settings;
    }

    /** How many connections to a database server the platform keeps at most; null for the default (10). */
    private static Integer poolSize(String setting) throws ConfigurationException {
        String value = blankToNull(setting);
        if (value == null) {
            return null;
        }
        if (value.matches("\\d{1,3}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 500) {
            return Integer.parseInt(value);
        }
        throw new ConfigurationException(2, "SECRETARIAT_JDBC_POOL_SIZE '" + value + "' is not a number of connections from 1 to 500");
    }

    /** This node's name among the nodes sharing a database; null for the default (host name and port). */
    private static String node(String setting) throws ConfigurationException {
        String value = blankToNull(setting);
        if (value == null || value.matches("[A-Za-z0-9._:-]{1,100}")) {
            return value;
        }
        throw new ConfigurationException(2, "SECRETARIAT_NODE '" + value + "' is not a node name: use up to 100 letters, digits, '.', '_', ':' or '-'");
    }

    /** HTTPS when SECRETARIAT_KEYSTORE names a keystore that opens with SECRETARIAT_KEYSTORE_PASSWORD. */
    private static Tls tls(Function<String, String> environment) throws ConfigurationException {
        String keystore = blankToNull(environment.apply("SECRETARIAT_KEYSTORE"));
        if (keystore == null) {
            return null;
        }
        String password = environment.apply("SECRETARIAT_KEYSTORE_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new ConfigurationException(2, "SECRETARIAT_KEYSTORE is set but SECRETARIAT_KEYSTORE_PASSWORD is not: give the keystore's password");
        }
        String portText = environment.apply("SECRETARIAT_HTTPS_PORT");
        int port = portText == null || portText.isBlank() ? DEFAULT_HTTPS_PORT : port("SECRETARIAT_HTTPS_PORT", portText);
        Path file = Path.of(keystore).toAbsolutePath();
        String type;
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance(file.toFile(), password.toCharArray());
            type = store.getType().toUpperCase(java.util.Locale.ROOT);
            boolean hasKey = false;
            for (String alias : java.util.Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ConfigurationException(2, "keystore " + file + " holds no private key: it needs the server's key and certificate");
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new ConfigurationException(2, "keystore " + file + " cannot be opened (" + e.getMessage()
                    + "): check SECRETARIAT_KEYSTORE and SECRETARIAT_KEYSTORE_PASSWORD (PKCS12 or JKS)");
        }
        return new Tls(file, password, type, port);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int port(String value) throws ConfigurationException {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        return port("SECRETARIAT_PORT", value);
    }

    private static int port(String variable, String value) throws ConfigurationException {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(2, variable + " '" + value + "' is not a port number: set it to a number from 1 to 65535");
        }
    }

    /**
     * The administrator's configuration folder: {@code SECRETARIAT_ETC}, or the distribution's own
     * {@code etc/}. A folder outside the distribution gets every default file it lacks copied from the
     * distribution's {@code etc/} (a new platform version's new settings arrive), and never has a file
     * overwritten: an upgrade of the platform leaves the administrator's settings alone.
     */
    static Path etcFolder(String value, Path home) throws ConfigurationException {
        Path defaults = home.resolve("etc");
        if (value == null || value.isBlank()) {
            return defaults;
        }
        Path etc = Path.of(value.trim()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(etc);
            if (Files.isDirectory(defaults) && !Files.isSameFile(etc, defaults)) {
                try (java.util.stream.Stream<Path> files = Files.list(defaults)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        Path target = etc.resolve(file.getFileName().toString());
                        if (!Files.exists(target)) {
                            Files.copy(file, target);
                        }
                    }
                }
            }
            Path probe = Files.createTempFile(etc, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(2, "configuration folder " + etc + " cannot be prepared (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): set SECRETARIAT_ETC to a folder this user can write, or unset it to use the distribution's etc/");
        }
        return etc;
    }

    private static Path dataFolder(String value) throws ConfigurationException {
        Path data = Path.of(value == null || value.isBlank() ? "data" : value.trim()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(data.resolve("logs"));
            Path probe = Files.createTempFile(data, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(2, "data folder " + data + " is not writable (" + e.getClass().getSimpleName()
                    + "): set SECRETARIAT_DATA to a folder this user can write, or fix its permissions");
        }
        return data;
    }

    /** Fails when another program already listens on the port the platform will listen on. */
    void checkPortFree() throws ConfigurationException {
        int port = listeningPort();
        String variable = tls == null ? "SECRETARIAT_PORT" : "SECRETARIAT_HTTPS_PORT";
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new ConfigurationException(2, "SECRETARIAT_HOST '" + host + "' is not a known address of this machine: set it to an IP address such as 127.0.0.1, or unset it to listen on all addresses");
        } catch (IOException e) {
            throw new ConfigurationException(3, "port " + port + " is in use (" + e.getMessage() + "): stop the program using it or set " + variable + " to a free port");
        }
    }

    /** For a database server: fails when nothing answers at its host and port. */
    void checkDatabaseReachable() throws ConfigurationException {
        if (jdbcUrl == null) {
            return;
        }
        InetSocketAddress address = serverAddress(jdbcUrl);
        if (address == null) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), 3000);
        } catch (IOException e) {
            throw new ConfigurationException(4, "database server " + address.getHostString() + ":" + address.getPort()
                    + " from SECRETARIAT_JDBC_URL is unreachable (" + e.getMessage() + "): start the database server or correct SECRETARIAT_JDBC_URL");
        }
    }

    /** The host and port of a server URL such as {@code jdbc:postgresql://db:5432/x}; null for embedded databases. */
    static InetSocketAddress serverAddress(String jdbcUrl) {
        int slashes = jdbcUrl.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        String scheme = jdbcUrl.substring("jdbc:".length(), slashes).replace(":", "");
        URI uri;
        try {
            uri = URI.create("db:" + jdbcUrl.substring(slashes).split(";")[0]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        if (port < 0) {
            port = Map.of("derby", 1527, "postgresql", 5432, "mysql", 3306, "mariadb", 3306).getOrDefault(scheme, -1);
        }
        return port < 0 ? null : InetSocketAddress.createUnresolved(uri.getHost(), port);
    }

    /** HTTPS settings, or null for plain HTTP. */
    Tls tls() {
        return tls;
    }

    /** The one port the platform listens on: HTTPS when a keystore is given, else HTTP. */
    int listeningPort() {
        return tls == null ? port : tls.port;
    }

    Path home() {
        return home;
    }

    /** The configuration folder Felix File Install watches. */
    Path etc() {
        return etc;
    }

    Path data() {
        return data;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String jdbcUser() {
        return jdbcUser;
    }

    String node() {
        return node;
    }

    Integer jdbcPoolSize() {
        return jdbcPoolSize;
    }

    String jdbcPassword() {
        return jdbcPassword;
    }

    /** The first administrator's password, used only when the platform creates its first account. */
    String adminPassword() {
        return adminPassword;
    }
}
