package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of module operations (issue 18): for install, upgrade (with its schema
 * migration), rollback and uninstall of the notes fixture, the platform is killed at ten points spread
 * over the operation's duration (timed by a first run) and once while the upgrade's migration runs;
 * after each restart the module must be wholly in the old or wholly in the new state, its endpoint
 * answer accordingly, health say UP, and the next operation succeed. What was seen is printed.
 */
class CrashHarnessIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int KILLS_PER_OPERATION = 10;

    /** An operation under test: how to run it, the state before and after, and how to get back to "before". */
    private static final class Operation {
        final String name;
        final String method;
        final String path;
        final String before;
        final String after;

        Operation(String name, String method, String path, String before, String after) {
            this.name = name;
            this.method = method;
            this.path = path;
            this.before = before;
            this.after = after;
        }
    }

    private static final String ABSENT = "absent";

    private Path home;
    private Map<String, String> environment;
    private Path folder;
    private int port;
    private int run;
    private Distribution platform;
    private Http admin;

    @Test
    void aKilledOperationLeavesTheModuleWhollyOldOrWhollyNew() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("crash-" + System.nanoTime()));
        home = Distribution.copy(folder.resolve("secretariat"), PlatformOptions.fixtureRepositories());
        port = PlatformOptions.freePort();
        environment = Distribution.environment(folder.resolve("data"), port);
        start();
        List<Operation> operations = List.of(
                new Operation("install", "POST", "/api/platform/modules/notes/install?version=1.0.0", ABSENT, "1.0.0"),
                new Operation("upgrade", "POST", "/api/platform/modules/notes/upgrade?version=2.0.0", "1.0.0", "2.0.0"),
                new Operation("rollback", "POST", "/api/platform/modules/notes/rollback", "2.0.0", "1.0.0"),
                new Operation("uninstall", "DELETE", "/api/platform/modules/notes", "1.0.0", ABSENT));
        Map<String, Map<String, Integer>> seen = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        try {
            for (Operation operation : operations) {
                bringTo(operation, operation.before);
                long started = System.nanoTime();
                assertEquals(200, call(operation).status, operation.name);
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                for (int kill = 1; kill <= KILLS_PER_OPERATION; kill++) {
                    bringTo(operation, operation.before);
                    Duration delay = duration.multipliedBy(kill).dividedBy(KILLS_PER_OPERATION + 1);
                    killDuring(operation, delay, null);
                    check(operation, "at " + delay.toMillis() + " ms", seen, wrong);
                }
                if ("upgrade".equals(operation.name)) {
                    bringTo(operation, operation.before);
                    killDuring(operation, Duration.ZERO, "waiting for components (and migrations)");
                    check(operation, "during the migration", seen, wrong);
                }
            }
        } finally {
            System.out.println("crash harness: states seen after kill -9 and restart, by operation: " + seen);
            if (platform != null) {
                platform.terminate();
            }
        }
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private void start() throws Exception {
        run++;
        platform = Distribution.start(home, environment, folder.resolve("run-" + run + ".log"));
        Http.Answer health = new Http(port).await("/api/platform/health", 200, STARTUP, Duration.ofMillis(50));
        assertEquals(200, health.status, () -> "after restart " + run + ": " + health + "\n" + output());
        admin = new Http(port);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
    }

    private String output() {
        try {
            return platform.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private Http.Answer call(Operation operation) throws Exception {
        return "DELETE".equals(operation.method) ? admin.delete(operation.path) : admin.post(operation.path, "");
    }

    /** Sends the operation, kills the platform after {@code delay} (or once the operation reaches {@code phase}), starts it again. */
    private void killDuring(Operation operation, Duration delay, String phase) throws Exception {
        Http caller = admin;
        Thread request = new Thread(() -> {
            try {
                if ("DELETE".equals(operation.method)) {
                    caller.delete(operation.path);
                } else {
                    caller.post(operation.path, "");
                }
            } catch (Exception killed) {
                // the platform died under it: expected
            }
        }, "operation under test");
        request.start();
        if (phase != null) {
            Http watcher = new Http(port);
            watcher.login("admin", Distribution.ADMIN_PASSWORD);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                Http.Answer progress = watcher.get("/api/platform/modules/operation");
                if (progress.json != null && phase.equals(progress.json.path("phase").asText())) {
                    break;
                }
                Thread.sleep(5);
            }
        } else {
            Thread.sleep(delay.toMillis());
        }
        platform.kill();
        request.join(10_000);
        start();
    }

    /** After a restart: wholly old or wholly new, the endpoint answering accordingly, health UP, and the next operation working. */
    private void check(Operation operation, String when, Map<String, Map<String, Integer>> seen, List<String> wrong) throws Exception {
        String state = installedState();
        String where = operation.name + " killed " + when + ": ";
        seen.computeIfAbsent(operation.name, n -> new TreeMap<>()).merge(state.equals(operation.before) ? "old" : state.equals(operation.after) ? "new" : state, 1, Integer::sum);
        if (!state.equals(operation.before) && !state.equals(operation.after)) {
            wrong.add(where + "module is " + state);
        }
        int expected = state.startsWith(ABSENT) ? 404 : 200;
        Http.Answer notes = admin.get("/api/notes");
        if (notes.status != expected) {
            wrong.add(where + "module " + state + " but /api/notes answered " + notes);
        }
        Http.Answer health = admin.get("/api/platform/health");
        if (health.status != 200) {
            wrong.add(where + "health " + health);
        }
        // The next operation: the one that was killed, when it did not happen, then back to where it started.
        if (state.equals(operation.before)) {
            Http.Answer again = call(operation);
            if (again.status != 200) {
                wrong.add(where + "the operation again answered " + again);
            }
        }
    }

    /** "absent", or the installed version ("1.0.0"), with " FAILING" when the module is not wholly there. */
    private String installedState() throws Exception {
        JsonNode modules = admin.get("/api/platform/modules").json;
        for (JsonNode module : modules.get("installed")) {
            if ("notes".equals(module.get("id").asText())) {
                String version = module.get("version").asText();
                return "ACTIVE".equals(module.get("state").asText()) ? version : version + " FAILING";
            }
        }
        return ABSENT;
    }

    /** Runs whatever operations bring the notes module to {@code wanted}, checking each succeeds. */
    private void bringTo(Operation context, String wanted) throws Exception {
        String state = installedState();
        if (state.equals(wanted)) {
            if ("2.0.0".equals(wanted)) {
                // A rollback needs 1.0.0 as the previous version.
                JsonNode modules = admin.get("/api/platform/modules").json;
                for (JsonNode module : modules.get("installed")) {
                    if ("notes".equals(module.get("id").asText()) && "1.0.0".equals(module.path("previousVersion").asText())) {
                        return;
                    }
                }
            } else {
                return;
            }
        }
        Http.Answer answer;
        if (ABSENT.equals(wanted)) {
            answer = admin.delete("/api/platform/modules/notes");
        } else if (ABSENT.equals(state)) {
            answer = admin.post("/api/platform/modules/notes/install?version=" + ("2.0.0".equals(wanted) ? "1.0.0" : wanted), "");
            assertEquals(200, answer.status, () -> context.name + ": " + output());
            if ("2.0.0".equals(wanted)) {
                answer = admin.post("/api/platform/modules/notes/upgrade?version=2.0.0", "");
            }
        } else if ("2.0.0".equals(wanted) && state.equals("2.0.0")) {
            assertEquals(200, admin.post("/api/platform/modules/notes/upgrade?version=1.0.0", "").status);
            answer = admin.post("/api/platform/modules/notes/upgrade?version=2.0.0", "");
        } else {
            answer = admin.post("/api/platform/modules/notes/upgrade?version=" + wanted, "");
        }
        Http.Answer last = answer;
        assertEquals(200, last.status, () -> "bringing notes from " + state + " to " + wanted + " before a " + context.name + ": " + last + "\n" + output());
    }
}
