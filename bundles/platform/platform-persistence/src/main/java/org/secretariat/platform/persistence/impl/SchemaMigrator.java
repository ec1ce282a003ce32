package org.secretariat.platform.persistence.impl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.secretariat.platform.api.persistence.SchemaVersions.SchemaVersion;

/**
 * Runs each module's migrations forward, once, in order, and records where every module's schema
 * stands in the platform tables {@code SECRETARIAT_SCHEMA_VERSION} (one row a module) and
 * {@code SECRETARIAT_SCHEMA_HISTORY} (one row a step applied). Each step runs in its own
 * transaction together with its history row, under a row lock on the module's version row, so two
 * platform nodes sharing a database cannot apply the same step twice.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    static final String VERSION_TABLE = "SECRETARIAT_SCHEMA_VERSION";
    static final String HISTORY_TABLE = "SECRETARIAT_SCHEMA_HISTORY";

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates the platform's own bookkeeping tables when the database is new. */
    public void ensurePlatformTables() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (!tableExists(connection, VERSION_TABLE)) {
                    statement.executeUpdate("CREATE TABLE " + VERSION_TABLE + " ("
                            + "MODULE_ID VARCHAR(100) NOT NULL PRIMARY KEY, "
                            + "VERSION INTEGER NOT NULL, "
                            + "UPDATED_AT TIMESTAMP NOT NULL)");
                }
                createIfAbsent(connection, statement, ClusterTables.NODE, ClusterTables.CREATE_NODE);
                createIfAbsent(connection, statement, ClusterTables.LEASE, ClusterTables.CREATE_LEASE);
                createIfAbsent(connection, statement, ClusterTables.LOCK, ClusterTables.CREATE_LOCK);
                if (!tableExists(connection, HISTORY_TABLE)) {
                    statement.executeUpdate("CREATE TABLE " + HISTORY_TABLE + " ("
                            + "MODULE_ID VARCHAR(100) NOT NULL, "
                            + "VERSION INTEGER NOT NULL, "
                            + "DESCRIPTION VARCHAR(200) NOT NULL, "
                            + "CHECKSUM VARCHAR(64) NOT NULL, "
                            + "APPLIED_AT TIMESTAMP NOT NULL, "
                            + "PRIMARY KEY (MODULE_ID, VERSION))");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                // Another node may have created the tables between the check and the create.
                if (!tableExists(connection, VERSION_TABLE) || !tableExists(connection, HISTORY_TABLE)
                        || !tableExists(connection, ClusterTables.NODE) || !tableExists(connection, ClusterTables.LEASE)
                        || !tableExists(connection, ClusterTables.LOCK)) {
                    throw e;
                }
            }
        }
    }

    private static void createIfAbsent(Connection connection, Statement statement, String table, String create) throws SQLException {
        if (!tableExists(connection, table)) {
            statement.executeUpdate(create);
        }
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // Unquoted names are stored upper case by Derby and lower case by PostgreSQL.
        for (String candidate : new String[] {name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Applies the migrations of {@code module} that are newer than its recorded version.
     *
     * @return the module's schema version afterwards
     * @throws MigrationFailedException naming the step and the database's message; earlier steps stay applied
     */
    public int migrate(String module, List<Migration> migrations) throws MigrationFailedException, SQLException {
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort(null);
        checkNoDuplicates(module, ordered);
        ensureVersionRow(module);
        checkUnchanged(module, ordered);
        int current = currentVersion(module);
        for (Migration migration : ordered) {
            if (migration.version() <= current) {
                continue;
            }
            current = apply(module, migration);
        }
        int newest = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
        if (current > newest) {
            int recorded = current;
            LOG.info(() -> "Module " + module + " has schema version " + recorded + ", newer than its bundle's " + newest
                    + "; keeping the newer schema");
        }
        return current;
    }

    private static void checkNoDuplicates(String module, List<Migration> ordered) throws MigrationFailedException {
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).version() == ordered.get(i - 1).version()) {
                throw new MigrationFailedException("Module " + module + " has two migrations numbered V" + ordered.get(i).version(), null);
            }
        }
    }

    /**
     * Refuses to start on a migration that was changed after it was applied: the database no longer
     * matches what the file says, and only a new migration may change a schema.
     */
    private void checkUnchanged(String module, List<Migration> ordered) throws MigrationFailedException, SQLException {
        List<String> changed = changed(module, ordered);
        if (!changed.isEmpty()) {
            throw new MigrationFailedException(changed.get(0), null);
        }
    }

    /** Of these migrations, a sentence for each that differs from what was applied under its number. */
    public List<String> changed(String module, List<Migration> migrations) throws SQLException {
        java.util.Map<Integer, String> applied = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT VERSION, CHECKSUM FROM " + HISTORY_TABLE + " WHERE MODULE_ID = ?")) {
            select.setString(1, module);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    applied.put(result.getInt(1), result.getString(2));
                }
            }
        }
        List<String> changed = new ArrayList<>();
        for (Migration migration : migrations) {
            String recorded = applied.get(migration.version());
            if (recorded != null && !recorded.equals(migration.checksum())) {
                changed.add("Migration " + migration.fileName() + " of module " + module
                        + " was changed after it was applied (SHA-256 recorded " + recorded.substring(0, 12) + "..., now "
                        + migration.checksum().substring(0, 12) + "...): a shipped migration must stay as it was; put the change in a new migration");
            }
        }
        return changed;
    }

    private void ensureVersionRow(String module) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (readVersion(connection, module, false) != null) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (MODULE_ID, VERSION, UPDATED_AT) VALUES (?, 0, ?)")) {
                insert.setString(1, module);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another node inserted it first: that is fine.
                if (readVersion(connection, module, false) == null) {
                    throw e;
                }
            }
        }
    }

    private int currentVersion(String module) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Integer version = readVersion(connection, module, false);
            return version == null ? 0 : version;
        }
    }

    private static Integer readVersion(Connection connection, String module, boolean lock) throws SQLException {
        String sql = "SELECT VERSION FROM " + VERSION_TABLE + " WHERE MODULE_ID = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, module);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getInt(1) : null;
            }
        }
    }

    private int apply(String module, Migration migration) throws MigrationFailedException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Integer locked = readVersion(connection, module, true);
                if (locked != null && locked >= migration.version()) {
                    // Another node applied it while we waited for the lock.
                    connection.rollback();
                    return locked;
                }
                int index = 0;
                SqlDialect dialect = SqlDialect.of(connection);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        index++;
                        statement.execute(dialect.translate(sql));
                    }
                } catch (SQLException e) {
                    throw new MigrationFailedException("Migration " + migration + " of module " + module
                            + " failed at statement " + index + ": " + e.getMessage(), e);
                }
                Timestamp now = Timestamp.from(Instant.now());
                try (PreparedStatement history = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                        + " (MODULE_ID, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?, ?)")) {
                    history.setString(1, module);
                    history.setInt(2, migration.version());
                    history.setString(3, truncate(migration.description(), 200));
                    history.setString(4, migration.checksum());
                    history.setTimestamp(5, now);
                    history.executeUpdate();
                }
                try (PreparedStatement version = connection.prepareStatement(
                        "UPDATE " + VERSION_TABLE + " SET VERSION = ?, UPDATED_AT = ? WHERE MODULE_ID = ?")) {
                    version.setInt(1, migration.version());
                    version.setTimestamp(2, now);
                    version.setString(3, module);
                    version.executeUpdate();
                }
                connection.commit();
                LOG.info(() -> "Module " + module + ": applied migration " + migration);
                return migration.version();
            } catch (MigrationFailedException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Every module's recorded schema version, ordered by module. */
    List<SchemaVersion> versions() throws SQLException {
        List<SchemaVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT MODULE_ID, VERSION, UPDATED_AT FROM " + VERSION_TABLE + " ORDER BY MODULE_ID")) {
            while (result.next()) {
                versions.add(new SchemaVersion(result.getString(1), result.getInt(2), result.getTimestamp(3).toInstant()));
            }
        }
        return versions;
    }
}
