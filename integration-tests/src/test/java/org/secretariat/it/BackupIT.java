package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Online backup and restore, as an administrator runs them: the distribution with contacts and
 * meetings keeps taking writes while {@code POST /api/platform/backup} copies its data;
 * {@code bin/secretariat restore ARCHIVE} puts the archive into an empty data folder; the platform
 * started there has exactly the records acknowledged before the backup began (and none acknowledged
 * after it ended), the modules at their versions again, and the documents byte for byte.
 */
class BackupIT {

    /** The PostgreSQL run (-Dit.database=postgresql) skips this class: the online backup is Derby's (on PostgreSQL it answers 409: pg_dump, docs/operations.md). */
    @org.junit.jupiter.api.BeforeAll
    static void derbyOnly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(PostgresServer.enabled(), "Derby only: the online backup is Derby's (on PostgreSQL it answers 409: pg_dump, docs/operations.md)");
    }

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** One write acknowledged by the platform: the organisation's id and when the answer came. */
    private record Acknowledged(long id, long at) {
    }

    @Test
    void aBackupMadeUnderWritesRestoresExactlyTheDataUpToItIntoAnotherFolder() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("backup-" + System.nanoTime()));
        Path home = Distribution.copy(folder.resolve("secretariat"), Map.of());
        int port = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), port);
        Http admin = new Http(port);
        byte[] document = ("%PDF-1.4\n% backup round trip " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Path archive;
        long backupStarted;
        long backupEnded;
        long documentId;
        long meetingId;
        try (Distribution platform = Distribution.start(home, environment, folder.resolve("first.log"))) {
            assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, () -> output(platform));
            assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
            for (String module : List.of("contacts", "meetings")) {
                Http.Answer installed = admin.post("/api/platform/modules/" + module + "/install", "");
                assertEquals(200, installed.status, installed::toString);
            }
            ServedProfile profile = ServedProfile.of(admin);
            Http.Answer meeting = admin.post("/api/meetings", "{\"type\":\"" + profile.mainMeetingType() + "\",\"number\":1,\"title\":\"Backed up\","
                    + "\"startDate\":\"2030-09-13\",\"endDate\":\"2030-09-16\"}");
            assertEquals(201, meeting.status, meeting::toString);
            meetingId = meeting.json.get("id").asLong();
            Http.Answer uploaded = admin.multipart("/api/meetings/" + meetingId + "/documents", Map.of("title", "Kept", "category", "WORKING_PAPER",
                    "language", "en"), "kept.pdf", "application/pdf", document);
            assertEquals(201, uploaded.status, uploaded::toString);
            documentId = uploaded.json.get("id").asLong();

            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Http writer = new Http(port);
                assertEquals(200, writer.login("admin", Distribution.ADMIN_PASSWORD).status);
                int number = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; writing.get(); i++) {
                        try {
                            Http.Answer created = writer.post("/api/contacts/organisations",
                                    "{\"name\":\"Org " + number + "-" + i + "\",\"type\":\"NGO\"}");
                            if (created.status == 201) {
                                acknowledged.add(new Acknowledged(created.json.get("id").asLong(), System.nanoTime()));
                            }
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(1500);
            backupStarted = System.nanoTime();
            Http.Answer backup = admin.post("/api/platform/backup", "");
            backupEnded = System.nanoTime();
            assertEquals(201, backup.status, backup::toString);
            archive = Path.of(backup.json.get("file").asText());
            System.out.printf("backup under 3 writers: %.2f s, %d bytes, %d files (%d organisations acknowledged before it)%n",
                    (backupEnded - backupStarted) / 1e9, backup.json.get("size").asLong(), backup.json.get("entries").asInt(),
                    acknowledged.stream().filter(a -> a.at() < backupStarted).count());
            assertEquals(sha256(Files.readAllBytes(archive)), backup.json.get("sha256").asText());
            Thread.sleep(1000);
            writing.set(false);
            for (Thread thread : writers) {
                thread.join(10_000);
            }
            assertTrue(admin.get("/api/platform/backup").body.contains(archive.getFileName().toString()), "the backup is listed");
            assertEquals(143, platform.terminate());
        }

        Set<Long> before = acknowledged.stream().filter(a -> a.at() < backupStarted).map(Acknowledged::id).collect(Collectors.toSet());
        Set<Long> after = acknowledged.stream().filter(a -> a.at() > backupEnded).map(Acknowledged::id).collect(Collectors.toSet());
        assertFalse(before.isEmpty(), "writes went on before the backup");
        assertFalse(after.isEmpty(), "writes went on after the backup");

        Path restored = folder.resolve("restored");
        Map<String, String> restoreEnvironment = Distribution.environment(restored, PlatformOptions.freePort());
        ProcessBuilder restoring = new ProcessBuilder(home.resolve("bin/secretariat").toString(), "restore", archive.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("restore.log").toFile());
        restoring.environment().putAll(restoreEnvironment);
        Process restoreInto = restoring.start();
        assertTrue(restoreInto.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, restoreInto.exitValue(), Files.readString(folder.resolve("restore.log")));
        assertTrue(Files.readString(folder.resolve("restore.log")).contains("Restored"), Files.readString(folder.resolve("restore.log")));

        Http restoredAdmin = new Http(Integer.parseInt(restoreEnvironment.get("SECRETARIAT_PORT")));
        try (Distribution platform = Distribution.start(home, restoreEnvironment, folder.resolve("restored.log"))) {
            Http.Answer health = restoredAdmin.await("/api/platform/health", 200, STARTUP);
            assertEquals(200, health.status, () -> health + "\n" + output(platform));
            assertEquals(200, restoredAdmin.login("admin", Distribution.ADMIN_PASSWORD).status);
            Http.Answer organisations = restoredAdmin.await("/api/contacts/organisations?size=1", 200, STARTUP);
            assertEquals(200, organisations.status, () -> organisations + "\n" + output(platform));
            Http.Answer modules = restoredAdmin.get("/api/platform/modules");
            assertTrue(modules.body.contains("\"contacts\"") && modules.body.contains("\"meetings\""), modules.body);
            assertFalse(modules.body.contains("FAILING"), modules.body);

            for (long id : before) {
                assertEquals(200, restoredAdmin.get("/api/contacts/organisations/" + id).status, "acknowledged before the backup: " + id);
            }
            for (long id : after) {
                assertEquals(404, restoredAdmin.get("/api/contacts/organisations/" + id).status, "acknowledged after the backup: " + id);
            }
            HttpResponse<byte[]> download = restoredAdmin.bytes("/api/meetings/" + meetingId + "/documents/" + documentId + "/en");
            assertEquals(200, download.statusCode());
            assertEquals(sha256(document), sha256(download.body()), "the document is byte for byte what was uploaded");
            System.out.printf("restored: %d organisations from before the backup present, %d from after it absent%n", before.size(), after.size());
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
