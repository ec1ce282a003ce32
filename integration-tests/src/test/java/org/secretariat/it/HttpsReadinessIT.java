package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Readiness under HTTPS, as production runs (a keystore, no plain HTTP listener): readiness is read
 * from the JAX-RS runtime, not probed over loopback HTTP, so the start-up gate and the module
 * manager's wait hold here too. At each start the first health 200 means the login and the module's
 * list answer; a module upgraded and rolled back ten times under load fails no request.
 */
class HttpsReadinessIT {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int STARTS = 3;
    private static final int OPERATIONS = 10;

    @Test
    void startsAndSwapsAModuleOverHttpsWithoutAFailedRequest() throws Exception {
        Path folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("https-readiness-" + System.nanoTime()));
        TestKeystore keys = TestKeystore.create(folder);
        Path home = Distribution.copy(folder.resolve("secretariat"), PlatformOptions.fixtureRepositories());
        int httpsPort = PlatformOptions.freePort();
        Map<String, String> environment = Distribution.environment(folder.resolve("data"), PlatformOptions.freePort());
        environment.put("SECRETARIAT_KEYSTORE", keys.file.toString());
        environment.put("SECRETARIAT_KEYSTORE_PASSWORD", keys.password);
        environment.put("SECRETARIAT_HTTPS_PORT", Integer.toString(httpsPort));
        String base = "https://127.0.0.1:" + httpsPort;

        List<String> startMisses = new ArrayList<>();
        for (int start = 1; start <= STARTS; start++) {
            try (Distribution platform = Distribution.start(home, environment, folder.resolve("run-" + start + ".log"))) {
                Http.Answer health = new Http(base, keys.clientContext).await("/api/platform/health", 200, STARTUP, Duration.ofMillis(10));
                assertEquals(200, health.status, () -> health + "\n" + output(platform));
                Http admin = new Http(base, keys.clientContext);
                Http.Answer login = admin.login("admin", Distribution.ADMIN_PASSWORD);
                if (login.status != 200) {
                    startMisses.add("start " + start + ": login " + login);
                }
                if (start == 1) {
                    Http.Answer installed = admin.post("/api/platform/modules/notes/install?version=1.0.0", "");
                    assertEquals(200, installed.status, () -> installed + "\n" + output(platform));
                }
                Http.Answer notes = admin.get("/api/notes");
                if (notes.status != 200) {
                    startMisses.add("start " + start + ": /api/notes " + notes);
                }
                if (start == STARTS) {
                    swapUnderLoad(base, keys, admin, platform);
                }
                assertEquals(143, platform.terminate());
            }
        }
        System.out.printf("https readiness: %d starts, %d misses at the first health 200%n", STARTS, startMisses.size());
        assertTrue(startMisses.isEmpty(), startMisses::toString);
    }

    private static void swapUnderLoad(String base, TestKeystore keys, Http admin, Distribution platform) throws Exception {
        LoadClients load = new LoadClients(() -> {
            Http client = new Http(base, keys.clientContext);
            try {
                assertEquals(200, client.login("admin", Distribution.ADMIN_PASSWORD).status);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return client;
        }, "/api/notes", "/api/notes", "/api/platform/profile", "/api/platform/users?size=1");
        try {
            for (int i = 0; i < OPERATIONS; i++) {
                Http.Answer answer = i % 2 == 0 ? admin.post("/api/platform/modules/notes/upgrade?version=2.0.0", "")
                        : admin.post("/api/platform/modules/notes/rollback", "");
                assertEquals(200, answer.status, () -> answer + "\n" + output(platform));
            }
        } finally {
            load.close();
        }
        int served = load.served();
        List<String> failures = load.failures();
        System.out.printf("https swap under load: %d operations, %d requests served, %d failed%n", OPERATIONS, served, failures.size());
        assertTrue(failures.isEmpty(), load::firstFailures);
        assertTrue(served > 100, "the load ran: " + served);
    }

    private static String output(Distribution platform) {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
