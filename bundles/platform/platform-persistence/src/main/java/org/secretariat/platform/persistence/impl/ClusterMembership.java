package org.secretariat.platform.persistence.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.cluster.ClusterNodes;

/**
 * This node's row in {@code SECRETARIAT_NODE}, written at start and beaten every
 * {@link #HEARTBEAT} seconds, and the list of every node sharing the database. A node whose last
 * beat is older than {@link #ALIVE_WITHIN} is shown as not alive (it died, or stopped); rows not
 * beaten for a day are removed.
 */
@Component(service = ClusterNodes.class)
public class ClusterMembership implements ClusterNodes {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());
    static final String NODE_PROPERTY = "secretariat.node";
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final Duration ALIVE_WITHIN = HEARTBEAT.multipliedBy(4);
    private static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;
    private final String address;
    private final Instant startedAt;
    private final ScheduledExecutorService beats;

    @Activate
    public ClusterMembership(BundleContext context, @Reference(target = "(secretariat.datasource=platform)") DataSource dataSource)
            throws SQLException {
        this(dataSource, Clock.systemUTC(), context::getProperty);
        beats.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    ClusterMembership(DataSource dataSource, Clock clock, UnaryOperator<String> property) throws SQLException {
        this.dataSource = dataSource;
        this.clock = clock;
        this.address = address(property);
        String named = property.apply(NODE_PROPERTY);
        this.node = named == null || named.isBlank() ? address : named.trim();
        this.startedAt = clock.instant();
        this.beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secretariat-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        new SchemaMigrator(dataSource).ensurePlatformTables();
        join();
    }

    /** host:port as another node or an operator would reach this one. */
    private static String address(UnaryOperator<String> property) {
        String host = property.apply("org.apache.felix.http.host");
        if (host == null || host.isBlank() || "0.0.0.0".equals(host)) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        String port = property.apply("secretariat.https") != null ? property.apply("org.osgi.service.http.port.secure")
                : property.apply("org.osgi.service.http.port");
        return port == null ? host : host + ":" + port;
    }

    private void join() throws SQLException {
        Timestamp now = Timestamp.from(startedAt);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + ClusterTables.NODE
                    + " SET ADDRESS = ?, STARTED_AT = ?, HEARTBEAT_AT = ? WHERE NODE_ID = ?")) {
                update.setString(1, address);
                update.setTimestamp(2, now);
                update.setTimestamp(3, now);
                update.setString(4, node);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ClusterTables.NODE
                    + " (NODE_ID, ADDRESS, STARTED_AT, HEARTBEAT_AT) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, node);
                insert.setString(2, address);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
        }
        LOG.info(() -> "Node " + node + " (" + address + ") joined");
    }

    /** One heartbeat; a database that does not answer now is retried at the next beat. */
    void beat() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            int beaten;
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + ClusterTables.NODE
                    + " SET HEARTBEAT_AT = ? WHERE NODE_ID = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, node);
                beaten = update.executeUpdate();
            }
            if (beaten == 0) {
                // Removed meanwhile (restored database, a node that was away for a day): join again.
                join();
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + ClusterTables.NODE + " WHERE HEARTBEAT_AT < ?")) {
                forget.setTimestamp(1, Timestamp.from(now.minus(FORGOTTEN_AFTER)));
                forget.executeUpdate();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Heartbeat of node " + node + " not written: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void stop() {
        beats.shutdownNow();
    }

    @Override
    public String thisNode() {
        return node;
    }

    @Override
    public List<Node> nodes() {
        Instant now = clock.instant();
        List<Node> nodes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT NODE_ID, ADDRESS, STARTED_AT, HEARTBEAT_AT FROM " + ClusterTables.NODE);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Instant beat = rows.getTimestamp(4).toInstant();
                nodes.add(new Node(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(), beat,
                        !beat.isBefore(now.minus(ALIVE_WITHIN))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The nodes could not be read: " + e.getMessage(), e);
        }
        nodes.sort(Comparator.comparing((Node n) -> !n.id().equals(node)).thenComparing(Node::id));
        return nodes;
    }
}
