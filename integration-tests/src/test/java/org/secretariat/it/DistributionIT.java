package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;

/**
 * The distribution as built: {@code bin/secretariat} starts, answers health, keeps its data and what
 * was installed at runtime across a stop and a start, stops cleanly on SIGTERM, and refuses bad
 * configuration with one line and a non-zero exit code.
 */
class DistributionIT {

    /** The PostgreSQL run (-Dit.database=postgresql) skips this class: it starts the platform on embedded Derby and on Derby's network server. */
    @org.junit.jupiter.api.BeforeAll
    static void derbyOnly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(PostgresServer.enabled(), "Derby only: it starts the platform on embedded Derby and on Derby's network server");
    }

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static Path folder(String name) throws IOException {
        return Files.createDirectories(PlatformOptions.path("it.data").resolve(name + "-" + System.nanoTime()));
    }

    @Test
    void startsAnswersHealthAndKeepsDataAndRuntimeInstallsAcrossRestart() throws Exception {
        Path folder = folder("distribution");
        Path data = folder.resolve("data");
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(data, port);
        environment.put("SECRETARIAT_CONSOLE", "stdin");
        environment.remove("SECRETARIAT_CDS");
        Http http = new Http(port);
        long noteId;

        try (Distribution platform = Distribution.start(environment, folder.resolve("first-run.log"))) {
            long started = System.nanoTime();
            Http.Answer health = http.await("/api/platform/health", 200, STARTUP);
            assertEquals(200, health.status, () -> health + "\n" + output(platform));
            System.out.printf("first start to health 200: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertTrue(Files.isDirectory(data.resolve("db")), "embedded Derby lives in <data>/db");
            assertTrue(Files.isDirectory(data.resolve("cache")), "bundle cache lives in <data>/cache");

            // An administrator installs a module at runtime from the Gogo console.
            platform.console("start " + PlatformOptions.path("fixture.notes").toUri());
            assertEquals(200, http.login("admin", Distribution.ADMIN_PASSWORD).status);
            Http.Answer notes = http.await("/api/notes", 200, STARTUP);
            assertEquals(200, notes.status, () -> notes + "\n" + output(platform));
            Http.Answer created = http.post("/api/notes", "{\"text\":\"Kept across restart\"}");
            assertEquals(201, created.status, created::toString);
            noteId = created.json.get("id").asLong();

            assertEquals(143, platform.terminate(), "SIGTERM ends the JVM as a signal does");
            String log = platform.output();
            assertTrue(log.contains("First start"), log);
            assertTrue(log.contains("Embedded database shut down cleanly"), log);
            assertTrue(log.contains("Secretariat stopped"), log);
        }
        List<Path> logFiles;
        try (var files = Files.list(data.resolve("logs"))) {
            logFiles = files.collect(Collectors.toList());
        }
        assertTrue(logFiles.stream().anyMatch(f -> f.getFileName().toString().startsWith("secretariat.")), logFiles::toString);
        List<Path> archives;
        try (var files = Files.list(data)) {
            archives = files.filter(f -> f.getFileName().toString().matches("jvm-\\d+\\.jsa")).collect(Collectors.toList());
        }
        assertEquals(1, archives.size(), "the first run's clean stop writes the class-data sharing archive into the data folder");

        environment.remove("SECRETARIAT_CONSOLE");
        try (Distribution platform = Distribution.start(environment, folder.resolve("second-run.log"))) {
            long started = System.nanoTime();
            Http.Answer health = http.await("/api/platform/health", 200, STARTUP);
            assertEquals(200, health.status, () -> health + "\n" + output(platform));
            System.out.printf("restart to health 200: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertTrue(platform.mappedFiles().contains(archives.get(0).toRealPath().toString()), "the restart reads the archive (mapped into the JVM)");
            assertTrue(health.body.contains("\"id\":\"notes\""), "the module installed at runtime is still there: " + health.body);
            assertEquals(200, http.login("admin", Distribution.ADMIN_PASSWORD).status, "accounts are kept too");
            Http.Answer note = http.get("/api/notes/" + noteId);
            assertEquals(200, note.status, note::toString);
            assertEquals("Kept across restart", note.json.get("text").asText());
            platform.terminate();
            String log = platform.output();
            assertFalse(log.contains("First start"), "the platform feature is installed on first start only");
            // Requests that meet the REST runtime while it assembles itself get a JSON 503 and leave no error in the log.
            List<String> severe = log.lines().filter(line -> line.contains("SEVERE") || line.contains("Can't find the request"))
                    .collect(Collectors.toList());
            assertTrue(severe.isEmpty(), "severe log lines after a restart: " + severe);
        }
        String derbyLog = Files.readString(data.resolve("logs/derby.log"));
        assertFalse(derbyLog.toLowerCase().contains("recovery"), "a clean stop leaves nothing to recover: " + derbyLog);
    }

    @Test
    void runsOnADatabaseServerNamedBySecretariatJdbcUrl() throws Exception {
        Path folder = folder("network-derby");
        int databasePort = PlatformOptions.freePort();
        System.setProperty("derby.system.home", folder.resolve("server").toString());
        NetworkServerControl server = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), databasePort);
        server.start(new PrintWriter(Files.newBufferedWriter(folder.resolve("derby-server.log")), true));
        try {
            awaitServer(server);
            int port = PlatformOptions.freePort();
            Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
            environment.put("SECRETARIAT_JDBC_URL", "jdbc:derby://127.0.0.1:" + databasePort + "/secretariat;create=true");
            environment.put("SECRETARIAT_CONSOLE", "stdin");
            Http http = new Http(port);
            try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
                Http.Answer health = http.await("/api/platform/health", 200, STARTUP);
                assertEquals(200, health.status, () -> health + "\n" + output(platform));
                platform.console("start " + PlatformOptions.path("fixture.notes").toUri());
                assertEquals(200, http.login("admin", Distribution.ADMIN_PASSWORD).status);
                assertEquals(200, http.await("/api/notes", 200, STARTUP).status, () -> output(platform));
                assertEquals(201, http.post("/api/notes", "{\"text\":\"stored on the server\"}").status);
                platform.terminate();
                assertFalse(Files.exists(folder.resolve("data/db")), "no embedded database when a server is named");
            }
            assertTrue(Files.isDirectory(folder.resolve("server/secretariat")), "the database lives on the server");
        } finally {
            server.shutdown();
        }
    }

    private static void awaitServer(NetworkServerControl server) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                return;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        server.ping();
    }

    @Test
    void aFreshInstallHasNoKnownPasswordOnlyAOneTimeOneThatMustBeChanged() throws Exception {
        Path folder = folder("first-start");
        Path data = folder.resolve("data");
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(data, port);
        environment.remove("SECRETARIAT_ADMIN_PASSWORD");
        Http http = new Http(port);
        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            assertEquals(200, http.await("/api/platform/health", 200, STARTUP).status, () -> output(platform));
            Path file = data.resolve("initial-admin-password");
            assertTrue(Files.exists(file), "the one-time password is written to " + file);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String oneTime = Files.readString(file).strip();
            assertTrue(oneTime.length() >= 16, oneTime);
            assertTrue(platform.output().contains(oneTime), "shown once on the console");
            try (var logs = Files.list(data.resolve("logs"))) {
                for (Path log : logs.collect(Collectors.toList())) {
                    assertFalse(Files.readString(log).contains(oneTime), "never in the log files: " + log);
                }
            }
            // Four guesses: the fifth failure would (rightly) throttle the real login below.
            for (String guess : new String[] {"admin", "password", "secretariat", "changeme"}) {
                assertEquals(401, new Http(port).login("admin", guess).status, "no known default password: " + guess);
            }
            Http.Answer login = http.login("admin", oneTime);
            assertEquals(200, login.status, login::toString);
            assertTrue(login.json.get("mustChangePassword").asBoolean());
            assertEquals(403, http.get("/api/platform/users").status, "nothing but the password change until it is done");
            assertEquals(400, http.post("/api/platform/session/password",
                    "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"short\"}").status);
            assertEquals(204, http.post("/api/platform/session/password",
                    "{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"a long new passphrase\"}").status);
            assertEquals(200, http.get("/api/platform/users").status);
            assertEquals(401, new Http(port).login("admin", oneTime).status, "the one-time password is gone");
            platform.terminate();
        }
    }

    @Test
    void servesHttpsOnlyWithHstsAndSecureCookiesWhenGivenAKeystore() throws Exception {
        Path folder = folder("https");
        TestKeystore keys = TestKeystore.create(folder);
        Path keystore = keys.file;
        String password = keys.password;
        javax.net.ssl.SSLContext ssl = keys.clientContext;

        int httpPort = PlatformOptions.freePort();
        int httpsPort = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), httpPort);
        environment.put("SECRETARIAT_KEYSTORE", keystore.toString());
        environment.put("SECRETARIAT_KEYSTORE_PASSWORD", password);
        environment.put("SECRETARIAT_HTTPS_PORT", Integer.toString(httpsPort));
        Http https = new Http("https://127.0.0.1:" + httpsPort, ssl);
        try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
            Http.Answer health = https.await("/api/platform/health", 200, STARTUP);
            assertEquals(200, health.status, () -> health + "\n" + output(platform));
            var response = https.raw("/api/platform/health");
            assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
            Http.Answer login = https.login("admin", Distribution.ADMIN_PASSWORD);
            assertEquals(200, login.status, login::toString);
            assertTrue(login.headers.firstValue("Set-Cookie").orElse("").contains("; Secure"), login.headers.map()::toString);
            assertEquals(0, new Http(httpPort).await("/api/platform/health", 200, Duration.ofSeconds(2)).status,
                    "no plain HTTP listener");
            platform.terminate();
        }
        assertRefused(Map.of("SECRETARIAT_KEYSTORE", keystore.toString(), "SECRETARIAT_KEYSTORE_PASSWORD", "wrong"), folder, 2, "cannot be opened");
    }

    @Test
    void badConfigurationIsOneClearLineAndANonZeroExit() throws Exception {
        Path folder = folder("bad-configuration");
        Path file = Files.writeString(folder.resolve("not-a-folder"), "");
        try (ServerSocket busy = new ServerSocket(0); ServerSocket probe = new ServerSocket(0)) {
            int unusedPort = probe.getLocalPort();
            probe.close();
            assertRefused(Map.of("SECRETARIAT_PORT", "eighty"), folder, 2, "SECRETARIAT_PORT");
            assertRefused(Map.of("SECRETARIAT_PORT", Integer.toString(busy.getLocalPort())), folder, 3, "in use");
            assertRefused(Map.of("SECRETARIAT_DATA", file.resolve("data").toString()), folder, 2, "not writable");
            assertRefused(Map.of("SECRETARIAT_ADMIN_PASSWORD", "admin"), folder, 2, "too short");
            assertRefused(Map.of("SECRETARIAT_JDBC_URL", "jdbc:derby://127.0.0.1:" + unusedPort + "/secretariat"), folder, 4, "unreachable");
        }
    }

    private static void assertRefused(Map<String, String> settings, Path folder, int exitCode, String words) throws Exception {
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), PlatformOptions.freePort());
        environment.putAll(settings);
        Path output = folder.resolve("refused-" + System.nanoTime() + ".log");
        try (Distribution platform = Distribution.start(environment, output)) {
            int code = platform.processExit();
            String text = platform.output().strip();
            assertEquals(exitCode, code, text);
            assertEquals(1, text.lines().count(), "one line: " + text);
            assertTrue(text.startsWith("secretariat: ") && text.contains(words), text);
        }
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
