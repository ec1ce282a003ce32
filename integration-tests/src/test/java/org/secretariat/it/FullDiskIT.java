package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The data folder on a small file system that is then filled up: writes answer 507 with a clear
 * message (never a 500), health names the condition, a document upload leaves nothing behind; once
 * space is freed, writes resume by themselves, without a restart. (A read-only folder takes the same
 * path — Derby and the file store fail alike — but cannot be staged here: a tmpfs with open files
 * refuses to be remounted read-only, and root ignores file modes.) Needs root to mount a tmpfs (CI
 * runs as root); elsewhere it is skipped, saying so.
 */
class FullDiskIT {

    /** The PostgreSQL run (-Dit.database=postgresql) skips this class: the full disk is that of the embedded Derby database. */
    @org.junit.jupiter.api.BeforeAll
    static void derbyOnly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(PostgresServer.enabled(), "Derby only: the full disk is that of the embedded Derby database");
    }

    private static final Duration STARTUP = Duration.ofSeconds(90);

    @Test
    void aFullDiskRefusesWritesCleanlyAndTheyResumeWhenSpaceReturns() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("full-disk-" + System.nanoTime()));
        Path mount = Files.createDirectories(folder.resolve("small-disk"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        boolean mounted = mounting.waitFor(20, TimeUnit.SECONDS) && mounting.exitValue() == 0;
        System.out.println(mounted ? "FullDiskIT: data folder on a 160 MB tmpfs at " + mount
                : "FullDiskIT skipped: cannot mount a tmpfs here (" + new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim() + ")");
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root");
        Path filler = mount.resolve("filler");
        try {
            int port = PlatformOptions.freePort();
            Map<String, String> environment = Distribution.environment(mount.resolve("data"), port);
            Http admin = new Http(port);
            try (Distribution platform = Distribution.start(environment, folder.resolve("run.log"))) {
                assertEquals(200, admin.await("/api/platform/health", 200, STARTUP).status, () -> output(platform));
                assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
                for (String module : new String[] {"contacts", "meetings"}) {
                    assertEquals(200, admin.post("/api/platform/modules/" + module + "/install", "").status);
                }
                ServedProfile profile = ServedProfile.of(admin);
                Http.Answer meeting = admin.post("/api/meetings", "{\"type\":\"" + profile.mainMeetingType() + "\",\"number\":1,\"title\":\"Full disk\","
                        + "\"startDate\":\"2030-09-13\",\"endDate\":\"2030-09-16\"}");
                assertEquals(201, meeting.status, meeting::toString);
                String documents = "/api/meetings/" + meeting.json.get("id").asLong() + "/documents";
                assertEquals(201, admin.post("/api/contacts/organisations", "{\"name\":\"Before\",\"type\":\"NGO\"}").status);

                long filled = fill(filler);
                System.out.printf("FullDiskIT: filled the disk with %d MB%n", filled / (1024 * 1024));
                int created = 0;
                int refused = 0;
                for (int i = 0; i < 300 && refused < 5; i++) {
                    Http.Answer answer = admin.post("/api/contacts/organisations", "{\"name\":\"During " + i + "\",\"type\":\"NGO\",\"notes\":\""
                            + "n".repeat(1900) + "\"}");
                    assertTrue(answer.status == 201 || answer.status == 507, () -> "a full disk answers 507, not " + answer);
                    if (answer.status == 507) {
                        refused++;
                        assertTrue(answer.body.contains("storage is full"), answer.body);
                    } else {
                        created++;
                    }
                }
                assertTrue(refused > 0, "writes were refused once the disk was full (" + created + " went through first)");
                Http.Answer health = admin.get("/api/platform/health");
                assertEquals(503, health.status, health::toString);
                assertTrue(health.body.contains("refuses writes"), health.body);
                long documentsBefore = admin.get(documents).json.size();
                Http.Answer upload = admin.multipart(documents, Map.of("title", "Too big", "category", "WORKING_PAPER", "language", "en"),
                        "big.pdf", "application/pdf", pdf(3 * 1024 * 1024));
                assertEquals(507, upload.status, upload::toString);
                assertEquals(documentsBefore, admin.get(documents).json.size(), "no document row for a file that was not kept");

                Files.delete(filler);
                Http.Answer resumed = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline) {
                    resumed = admin.post("/api/contacts/organisations", "{\"name\":\"After\",\"type\":\"NGO\"}");
                    if (resumed.status == 201) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertEquals(201, resumed.status, "writes resume without a restart: " + resumed);
                assertEquals(200, admin.await("/api/platform/health", 200, Duration.ofSeconds(10)).status);
                assertEquals(201, admin.multipart(documents, Map.of("title", "After", "category", "WORKING_PAPER", "language", "en"),
                        "after.pdf", "application/pdf", pdf(1024)).status);

                assertFalse(output(platform).contains("Request failed, incident"), "no 500 incident while the disk was full");
                System.out.printf("FullDiskIT: %d writes went through, then %d refused with 507; writes resumed after the space was freed%n", created, refused);
            }
        } finally {
            Files.deleteIfExists(filler);
            // Lazy: the platform just stopped may still hold files there for a moment.
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Writes zeros until the file system refuses; answers how much went in. */
    private static long fill(Path filler) throws IOException {
        long written = 0;
        ByteBuffer chunk = ByteBuffer.allocate(1024 * 1024);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                written += channel.write(chunk);
            }
        } catch (IOException full) {
            return written;
        }
    }

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(content, (byte) ' ');
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, size - tail.length, tail.length);
        return content;
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
