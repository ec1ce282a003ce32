package org.secretariat.platform.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.cluster.ClusterNodes;
import org.secretariat.platform.api.cluster.Leases;

/**
 * Leases in {@code SECRETARIAT_LEASE}: one conditional update takes a lease that is free, lapsed or
 * already this node's, so two nodes asking at once cannot both win. Expiry is compared with the
 * nodes' own clocks: keep them in step (NTP), as any cluster must.
 */
@Component(service = Leases.class)
public class DatabaseLeases implements Leases {

    private static final Logger LOG = Logger.getLogger(DatabaseLeases.class.getName());

    private final DataSource dataSource;
    private final String node;
    private final Clock clock;

    @Activate
    public DatabaseLeases(@Reference(target = "(secretariat.datasource=platform)") DataSource dataSource, @Reference ClusterNodes nodes) {
        this(dataSource, nodes.thisNode(), Clock.systemUTC());
    }

    DatabaseLeases(DataSource dataSource, String node, Clock clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public boolean hold(String name, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a lease lasts some time: " + period);
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (take(connection, name, now, period)) {
                return true;
            }
            if (!exists(connection, name)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + ClusterTables.LEASE + " (NAME, HOLDER, EXPIRES_AT) VALUES (?, NULL, ?)")) {
                    insert.setString(1, name);
                    insert.setTimestamp(2, Timestamp.from(Instant.EPOCH));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // Another node made the row first; the conditional update below decides.
                    LOG.log(Level.FINE, "lease row " + name + " made by another node", e);
                }
                return take(connection, name, now, period);
            }
            return false;
        } catch (SQLException e) {
            // Without the database no node can be sure it holds the lease: this one does not.
            LOG.log(Level.WARNING, "Lease " + name + " could not be taken: " + e.getMessage());
            return false;
        }
    }

    private boolean take(Connection connection, String name, Instant now, Duration period) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ClusterTables.LEASE
                + " SET HOLDER = ?, EXPIRES_AT = ? WHERE NAME = ? AND (HOLDER = ? OR HOLDER IS NULL OR EXPIRES_AT < ?)")) {
            update.setString(1, node);
            update.setTimestamp(2, Timestamp.from(now.plus(period)));
            update.setString(3, name);
            update.setString(4, node);
            update.setTimestamp(5, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + ClusterTables.LEASE + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }

    @Override
    public void release(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + ClusterTables.LEASE + " SET HOLDER = NULL WHERE NAME = ? AND HOLDER = ?")) {
            update.setString(1, name);
            update.setString(2, node);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Lease " + name + " not released (it lapses by itself): " + e.getMessage());
        }
    }

    @Override
    public Optional<String> holder(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT HOLDER, EXPIRES_AT FROM " + ClusterTables.LEASE + " WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                if (result.next() && result.getString(1) != null && result.getTimestamp(2).toInstant().isAfter(clock.instant())) {
                    return Optional.of(result.getString(1));
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Lease " + name + " could not be read: " + e.getMessage(), e);
        }
    }
}
