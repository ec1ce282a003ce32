package org.secretariat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two platform nodes on one PostgreSQL database (a real server from Debian's packages), nginx round
 * robin in front, as docs/operations.md deploys them: 16 clients read and write through nginx while the
 * meetings module is upgraded and rolled back from node A (none of their requests fails; node B
 * follows, and the time it takes is printed); then node B is killed with SIGKILL under the same load
 * (requests go on through node A; every write that was acknowledged is there) and started again (it
 * catches up with the modules before it answers ready).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final int CLIENTS = 16;

    private Path folder;
    private String jdbcUrl;
    private final int[] ports = new int[2];
    private final Distribution[] nodes = new Distribution[2];
    private Nginx nginx;
    private Http admin;
    private String token;
    private long meetingId;

    @BeforeAll
    void start() throws Exception {
        folder = Files.createDirectories(PlatformOptions.path("it.data").resolve("cluster-" + System.nanoTime()));
        jdbcUrl = PostgresServer.server().databaseFor(folder);
        // The modules' files are one folder for all nodes (docs/operations.md): node B's files/ is node A's.
        Files.createDirectories(folder.resolve("node-a/files"));
        Files.createDirectories(folder.resolve("node-b"));
        Files.createSymbolicLink(folder.resolve("node-b/files"), folder.resolve("node-a/files"));
        for (int node = 0; node < 2; node++) {
            ports[node] = PlatformOptions.freePort();
            startNode(node);
            assertEquals(200, new Http(ports[node]).await("/api/platform/health", 200, STARTUP).status, "node " + node + " did not start");
        }
        nginx = Nginx.start(folder.resolve("nginx"), List.of(ports[0], ports[1]));
        admin = new Http("http://127.0.0.1:" + nginx.port, null);
        assertEquals(200, admin.login("admin", Distribution.ADMIN_PASSWORD).status);
        Http.Answer created = admin.post("/api/platform/tokens", "{\"name\":\"cluster load\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        assertEquals(201, created.status, created::toString);
        token = created.json.get("token").asText();

        Http.Answer installed = nodeClient(0).post("/api/platform/modules/meetings/install?version=1.1.0", "");
        assertEquals(200, installed.status, installed::toString);
        System.out.println("[cluster] install of meetings 1.1.0 on node A; node B served it after " + untilServes(1, "meetings", "1.1.0").toMillis() + " ms");
        Http.Answer meeting = admin.post("/api/meetings", "{\"type\":\"MSP\",\"number\":14,\"title\":\"Fourteenth Meeting of States Parties\","
                + "\"startDate\":\"2026-09-12\",\"endDate\":\"2026-09-16\",\"venue\":\"Geneva\"}");
        assertEquals(201, meeting.status, meeting::toString);
        meetingId = meeting.json.get("id").asLong();
    }

    private void startNode(int node) throws Exception {
        String name = node == 0 ? "node-a" : "node-b";
        Map<String, String> environment = Distribution.environment(folder.resolve(name), ports[node]);
        environment.put("SECRETARIAT_JDBC_URL", jdbcUrl);
        environment.put("SECRETARIAT_JDBC_USER", PostgresServer.USER);
        environment.put("SECRETARIAT_NODE", name);
        nodes[node] = Distribution.start(environment, folder.resolve(name + ".log"));
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (Distribution node : nodes) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** An administrator's client of one node directly, not through nginx. */
    private Http nodeClient(int node) throws Exception {
        Http http = new Http(ports[node]);
        assertEquals(200, http.login("admin", Distribution.ADMIN_PASSWORD).status);
        return http;
    }

    /**
     * How long until {@code node} runs {@code module} at {@code version}, healthy (polled every 100 ms, at most
     * 60 s). Health names the version of the bundles the node runs; the module list would answer the desired
     * state, which is the database's and the same on every node.
     */
    private Duration untilServes(int node, String module, String version) throws Exception {
        Http http = nodeClient(node);
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            if (version.equals(runningVersion(http, module))) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("node " + node + " did not serve " + module + " " + version + " within 60 s");
    }

    /** The version of {@code module} a node runs, when its health is UP; null otherwise. */
    private static String runningVersion(Http node, String module) throws Exception {
        Http.Answer health = node.get("/api/platform/health");
        if (health.status != 200) {
            return null;
        }
        for (JsonNode running : health.json.get("modules")) {
            if (running.get("id").asText().equals(module) && "ACTIVE".equals(running.get("state").asText())) {
                return running.get("version").asText();
            }
        }
        return null;
    }

    /** 16 clients through nginx, each with the API token: half read the meeting, half register participants. */
    private final class Load implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger served = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        final List<Thread> threads = new ArrayList<>();

        Load(String phase) {
            for (int client = 0; client < CLIENTS; client++) {
                boolean writer = client % 2 == 1;
                int number = client;
                Http http = new Http("http://127.0.0.1:" + nginx.port, null).withToken(token);
                Thread thread = new Thread(() -> {
                    int request = 0;
                    while (running.get()) {
                        try {
                            Http.Answer answer = writer
                                    ? http.post("/api/meetings/" + meetingId + "/participants", "{\"delegationKind\":\"ORGANISATION\","
                                            + "\"delegation\":\"Observer " + number + "\",\"familyName\":\"" + phase + " " + number + "-" + (++request) + "\"}")
                                    : http.get("/api/meetings/" + meetingId);
                            if (answer.status == (writer ? 201 : 200)) {
                                served.incrementAndGet();
                                if (writer) {
                                    acknowledged.add(answer.json.get("id").asLong());
                                }
                            } else {
                                failures.add(answer.status + " " + answer.body);
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }, "cluster load " + client);
                thread.start();
                threads.add(thread);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }
    }

    private Set<Long> participantIds(Http http) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            Http.Answer answer = http.get("/api/meetings/" + meetingId + "/participants?size=200&page=" + page);
            assertEquals(200, answer.status, answer::toString);
            answer.json.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            if (answer.json.get("items").size() < 200) {
                return ids;
            }
        }
    }

    @Test
    @Order(1)
    void noRequestFailsWhileTheMeetingsModuleIsUpgradedAndRolledBackFromNodeA() throws Exception {
        Http nodeA = nodeClient(0);
        Load load = new Load("upgrade");
        Thread.sleep(1000);
        Http.Answer upgraded = nodeA.post("/api/platform/modules/meetings/upgrade?version=1.2.1", "");
        assertEquals(200, upgraded.status, upgraded::toString);
        Duration upgradeFollowed = untilServes(1, "meetings", "1.2.1");
        Thread.sleep(1000);
        Http.Answer rolledBack = nodeA.post("/api/platform/modules/meetings/rollback", "");
        assertEquals(200, rolledBack.status, rolledBack::toString);
        Duration rollbackFollowed = untilServes(1, "meetings", "1.1.0");
        Thread.sleep(1000);
        load.close();
        System.out.println("[cluster] " + CLIENTS + " clients through nginx: " + load.served.get() + " requests served, "
                + load.failures.size() + " failed; node B served 1.2.1 " + upgradeFollowed.toMillis() + " ms after node A's upgrade answered, 1.1.0 "
                + rollbackFollowed.toMillis() + " ms after the rollback");
        assertEquals(List.of(), new ArrayList<>(load.failures).subList(0, Math.min(5, load.failures.size())), "requests failed during the operations");
        assertTrue(load.served.get() > CLIENTS, "the clients were served: " + load.served.get());
        Set<Long> stored = participantIds(admin);
        assertTrue(stored.containsAll(load.acknowledged), "every acknowledged registration is stored");
    }

    @Test
    @Order(2)
    void nodeBKilledUnderLoadRequestsGoOnThroughNodeAAndNodeBCatchesUpWhenStarted() throws Exception {
        Load load = new Load("failover");
        Thread.sleep(1500);
        nodes[1].kill();
        int failedAtKill = load.failures.size();
        Thread.sleep(4000);
        int servedAfterKill = load.served.get();
        Thread.sleep(3000);
        assertTrue(load.served.get() > servedAfterKill, "requests go on through node A");
        // While B is away, A changes the modules: B must catch up before it answers ready.
        Http.Answer upgraded = nodeClient(0).post("/api/platform/modules/meetings/upgrade?version=1.2.1", "");
        assertEquals(200, upgraded.status, upgraded::toString);
        load.close();
        System.out.println("[cluster] node B killed under load: " + load.served.get() + " requests served, " + load.failures.size()
                + " failed (" + failedAtKill + " at the kill, in flight on node B): " + new ArrayList<>(load.failures).subList(0, Math.min(3, load.failures.size())));
        Set<Long> stored = participantIds(admin);
        assertTrue(stored.containsAll(load.acknowledged), "every acknowledged registration is stored ("
                + load.acknowledged.size() + " acknowledged)");
        JsonNode health = nodeClient(0).get("/api/platform/health").json;
        assertEquals("UP", health.get("status").asText(), "node A is UP while B is dead: " + health);
        boolean bDead = false;
        for (JsonNode node : health.get("nodes")) {
            bDead |= node.get("id").asText().equals("node-b") && !node.get("alive").asBoolean();
        }
        assertTrue(bDead, "health shows node B not alive: " + health.get("nodes"));

        long restarted = System.nanoTime();
        startNode(1);
        Http.Answer firstReady = new Http(ports[1]).await("/api/platform/health", 200, STARTUP, Duration.ofMillis(50));
        assertEquals(200, firstReady.status, "node B did not start again");
        long ready = System.nanoTime();
        String versionWhenReady = null;
        for (JsonNode running : firstReady.json.get("modules")) {
            if (running.get("id").asText().equals("meetings")) {
                versionWhenReady = running.get("version").asText();
            }
        }
        System.out.println("[cluster] node B started again: ready " + Duration.ofNanos(ready - restarted).toMillis() + " ms after its start, with meetings "
                + versionWhenReady);
        assertEquals("1.2.1", versionWhenReady, "node B answered ready only once it had caught up with the modules");
        assertEquals(200, nodeClient(1).get("/api/meetings/" + meetingId).status, "node B serves the meetings module");
        assertTrue(participantIds(nodeClient(1)).containsAll(load.acknowledged), "node B serves what node A stored");
    }
}
