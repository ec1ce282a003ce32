package org.secretariat.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's packages, started by the tests when they run with
 * {@code -Dit.database=postgresql} (the failsafe execution {@code postgresql}): one server for the
 * test JVM, in its own folder under {@code /tmp}, on a free loopback port, stopped when the JVM ends.
 * Each platform data folder gets a database of its own, so a test that restarts the platform on the
 * same folder finds its data again, as it would on Derby.
 */
final class PostgresServer {

    /** The system property that switches the tests to PostgreSQL. */
    static final String DATABASE = "it.database";

    static final String USER = "secretariat";

    private static PostgresServer running;

    private final Path folder;
    private final Path binaries;
    final int port;

    private PostgresServer(Path folder, Path binaries, int port) {
        this.folder = folder;
        this.binaries = binaries;
        this.port = port;
    }

    /** Whether this run is the PostgreSQL run. */
    static boolean enabled() {
        return "postgresql".equalsIgnoreCase(System.getProperty(DATABASE, "").trim());
    }

    /**
     * The JDBC settings (SECRETARIAT_JDBC_URL and _USER) of the database kept for {@code data}, made
     * when first asked for; empty when the tests run on Derby.
     */
    static Map<String, String> environmentFor(Path data) {
        if (!enabled()) {
            return Map.of();
        }
        return Map.of("SECRETARIAT_JDBC_URL", server().databaseFor(data), "SECRETARIAT_JDBC_USER", USER);
    }

    static synchronized PostgresServer server() {
        if (running == null) {
            try {
                running = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            PostgresServer server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        }
        return running;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path binaries = binaries();
        Path folder = Files.createTempDirectory("secretariat-it-postgres-");
        Path data = folder.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // The server refuses to run as root: it runs as Debian's postgres user, in a folder it owns.
            run(List.of("chown", "postgres", folder.toString()), false);
            run(List.of("chmod", "755", folder.toString()), false);
        }
        run(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", USER,
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), root);
        int port = PlatformOptions.freePort();
        // fsync off: a test database need not survive a power cut, and a shared 2-core machine is slow enough.
        run(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                "start"), root);
        System.out.println("PostgreSQL for the tests: " + binaries + " on 127.0.0.1:" + port + ", folder " + folder);
        return new PostgresServer(folder, binaries, port);
    }

    /** The newest PostgreSQL installed from Debian's packages (/usr/lib/postgresql/<major>/bin). */
    private static Path binaries() throws IOException {
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            throw new IllegalStateException("-D" + DATABASE + "=postgresql needs PostgreSQL's server (Debian package postgresql): "
                    + installed + " does not exist; .ci/run installs it");
        }
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + installed));
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
    }

    /** A JDBC URL of a database of this server for a connection as {@link #USER}. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The database kept for a platform data folder: named after the folder, made on first use with the
     * C collation, so names sort by code point as they do on Derby.
     */
    synchronized String databaseFor(Path data) {
        String name = "it_" + shortHash(data.toAbsolutePath().normalize().toString());
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "")) {
            boolean exists;
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                select.setString(1, name);
                try (ResultSet result = select.executeQuery()) {
                    exists = result.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(List.of(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop"), root);
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("PostgreSQL for the tests did not stop cleanly: " + e.getMessage());
        }
    }
}
