package org.secretariat.platform.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.cluster.ClusterLocks;

/**
 * Named locks as rows of {@code SECRETARIAT_LOCK}: the caller's transaction updates the row, which
 * both Derby and PostgreSQL lock until that transaction ends, so the same name in another
 * transaction, on this node or another, waits.
 */
@Component(service = ClusterLocks.class)
public class DatabaseLocks implements ClusterLocks {

    private final DataSource dataSource;
    /** Names whose row is known to exist: made once, outside the caller's transaction. */
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    @Activate
    public DatabaseLocks(@Reference(target = "(secretariat.datasource=platform)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void lock(EntityManager em, String name) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("lock " + name + " is taken inside a transaction");
        }
        if (!made.contains(name)) {
            makeRow(name);
            made.add(name);
        }
        int locked = em.createNativeQuery("UPDATE " + ClusterTables.LOCK + " SET TAKEN = TAKEN + 1 WHERE NAME = ?")
                .setParameter(1, name).executeUpdate();
        if (locked != 1) {
            throw new IllegalStateException("lock row " + name + " is missing");
        }
    }

    private void makeRow(String name) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ClusterTables.LOCK + " (NAME, TAKEN) VALUES (?, 0)")) {
                insert.setString(1, name);
                insert.executeUpdate();
            } catch (SQLException e) {
                // It exists already (made earlier or by another node at the same moment).
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lock " + name + " could not be prepared: " + e.getMessage(), e);
        }
    }
}
