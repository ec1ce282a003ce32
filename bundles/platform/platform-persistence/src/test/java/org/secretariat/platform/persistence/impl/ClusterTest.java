package org.secretariat.platform.persistence.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secretariat.platform.api.cluster.ClusterNodes.Node;

/** Two nodes' views of one real Derby database: their heartbeats and leases. */
class ClusterTest {

    @TempDir
    Path folder;

    private EmbeddedDataSource dataSource;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void openDatabase() throws SQLException {
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        new SchemaMigrator(dataSource).ensurePlatformTables();
    }

    @AfterEach
    void closeDatabase() {
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
        } catch (SQLException expectedOnShutdown) {
            // Derby reports a clean shutdown as an exception.
        }
    }

    private ClusterMembership node(String name, String port) throws SQLException {
        Map<String, String> properties = Map.of("secretariat.node", name, "org.apache.felix.http.host", "10.0.0.1",
                "org.osgi.service.http.port", port);
        return new ClusterMembership(dataSource, clock, properties::get);
    }

    @Test
    void aNodeThatStopsBeatingIsShownNotAliveAndTheOtherStaysAlive() throws SQLException {
        ClusterMembership a = node("node-a", "8080");
        ClusterMembership b = node("node-b", "8081");
        assertEquals(List.of("node-a", "node-b"), a.nodes().stream().map(Node::id).toList());
        assertEquals(List.of("node-b", "node-a"), b.nodes().stream().map(Node::id).toList(), "this node first");
        assertEquals("10.0.0.1:8081", b.nodes().get(0).address());

        clock.advance(Duration.ofSeconds(6));
        a.beat();
        clock.advance(Duration.ofSeconds(4));
        a.beat();
        List<Node> seen = a.nodes();
        assertTrue(seen.get(0).alive());
        assertFalse(seen.get(1).alive(), "node-b last beat 10 s ago");
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), seen.get(1).lastHeartbeat());

        b.beat();
        assertTrue(a.nodes().get(1).alive(), "a beat brings it back");
    }

    @Test
    void aNodeNotSeenForADayIsForgotten() throws SQLException {
        ClusterMembership a = node("node-a", "8080");
        node("node-b", "8081");
        clock.advance(Duration.ofHours(25));
        a.beat();
        assertEquals(List.of("node-a"), a.nodes().stream().map(Node::id).toList());
    }

    @Test
    void oneNodeAtATimeHoldsALeaseUntilItLapsesOrIsReleased() {
        DatabaseLeases a = new DatabaseLeases(dataSource, "node-a", clock);
        DatabaseLeases b = new DatabaseLeases(dataSource, "node-b", clock);
        assertTrue(a.hold("mail-outbox", Duration.ofSeconds(30)));
        assertFalse(b.hold("mail-outbox", Duration.ofSeconds(30)));
        assertEquals(Optional.of("node-a"), b.holder("mail-outbox"));

        clock.advance(Duration.ofSeconds(20));
        assertTrue(a.hold("mail-outbox", Duration.ofSeconds(30)), "renewed");
        clock.advance(Duration.ofSeconds(20));
        assertFalse(b.hold("mail-outbox", Duration.ofSeconds(30)), "the renewal runs 30 s from the renewal");

        clock.advance(Duration.ofSeconds(11));
        assertEquals(Optional.empty(), b.holder("mail-outbox"));
        assertTrue(b.hold("mail-outbox", Duration.ofSeconds(30)), "a lapsed lease is taken over");
        assertFalse(a.hold("mail-outbox", Duration.ofSeconds(30)));

        b.release("mail-outbox");
        a.release("mail-outbox");
        assertTrue(a.hold("mail-outbox", Duration.ofSeconds(30)), "released: free at once");
        assertTrue(b.hold("other-work", Duration.ofSeconds(30)), "leases are by name");
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
