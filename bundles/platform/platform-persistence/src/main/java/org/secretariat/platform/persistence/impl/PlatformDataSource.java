package org.secretariat.platform.persistence.impl;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The platform's one DataSource. Embedded Derby under {@code <data>/db} unless
 * {@code secretariat.jdbc.url} names another database: Derby's network server through the Derby
 * client, or any database whose driver bundle registers an OSGi {@link DataSourceFactory}
 * (PostgreSQL's does). Connections are pooled (HikariCP), to a server and to the embedded database
 * alike: opening one costs a network round trip and, on PostgreSQL, a server process; opening an
 * embedded Derby connection costs less but still a synchronised lookup of the database service, a
 * new language context and a cold statement cache, several times per API request (each entity
 * manager opens its own; measured with bench/rest.sh: the largest single cost of a token-authenticated
 * GET). When the embedded database is shut down (its reboot after a disk-full error), the pooled
 * connections it closed are evicted.
 */
@Component(service = {DataSource.class, PlatformDataSource.class}, property = "secretariat.datasource=platform")
public class PlatformDataSource implements DataSource {

    private static final Logger LOG = Logger.getLogger(PlatformDataSource.class.getName());
    private static final String DERBY_SHUTDOWN_OK = "08006";

    private final DatabaseSettings settings;
    private final Driver driver;
    /** The pool of connections (to a server or to the embedded database). */
    private final HikariDataSource pool;

    @Activate
    public PlatformDataSource(BundleContext context,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<DataSourceFactory> factories) throws SQLException {
        this.settings = DatabaseSettings.from(context::getProperty);
        this.driver = driverFor(settings, factories);
        this.pool = pool(settings, settings.embeddedDerby() ? () -> readOnlyTolerant(openConnection()) : this::openConnection);
        // Connect once now so a database that cannot be opened fails this component visibly.
        try (Connection connection = getConnection()) {
            LOG.info(() -> "Database " + settings.displayUrl() + " opened ("
                    + productName(connection) + ")");
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, ConnectionOpener opener) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("secretariat");
        config.setDataSource(new OpeningDataSource(opener));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // Fail at the first connection when the server refuses, as the unpooled source did, rather than
        // at the first request.
        config.setInitializationFailTimeout(1);
        return new HikariDataSource(config);
    }

    private static String productName(Connection connection) {
        try {
            return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown product";
        }
    }

    private static Driver driverFor(DatabaseSettings settings, List<DataSourceFactory> factories) throws SQLException {
        if (settings.embeddedDerby()) {
            return new org.apache.derby.jdbc.EmbeddedDriver();
        }
        if (settings.derbyClient()) {
            return new org.apache.derby.jdbc.ClientDriver();
        }
        for (DataSourceFactory factory : factories) {
            Driver candidate = factory.createDriver(null);
            if (candidate.acceptsURL(settings.url())) {
                return candidate;
            }
        }
        throw new SQLException("No JDBC driver accepts " + settings.displayUrl()
                + ": install the database's driver bundle (it must register an OSGi DataSourceFactory)");
    }

    @Deactivate
    void close() {
        if (pool != null) {
            pool.close();
        }
        shutDownEmbedded();
    }

    /** Whether the database runs in this process (Derby embedded): only then can the platform reboot it. */
    boolean embedded() {
        return settings.embeddedDerby();
    }

    /**
     * Shuts the embedded database down; the next connection boots it again. After a disk-full error
     * Derby keeps the database read-only until it is rebooted.
     */
    void shutDownEmbedded() {
        if (!settings.embeddedDerby()) {
            return;
        }
        try {
            driver.connect(settings.embeddedShutdownUrl(), new Properties()).close();
        } catch (SQLException e) {
            evictPooled();
            if (DERBY_SHUTDOWN_OK.equals(e.getSQLState())) {
                LOG.info("Embedded database shut down cleanly");
            } else {
                LOG.log(Level.WARNING, "Embedded database did not shut down cleanly: " + e.getMessage());
            }
        }
    }

    /** Derby's SQLState for "a read-only database cannot leave read-only mode". */
    private static final String DERBY_READ_ONLY_DATABASE = "25505";

    /**
     * An embedded connection the pool can take while the database is read-only. After a disk-full error
     * Derby keeps the database read-only until it is rebooted, and its connections say so; the pool sets
     * every new connection back to read-write, which Derby then refuses, so no connection could be
     * made and every request would wait for one. Here that refusal is ignored: reads go on, writes fail
     * as they did unpooled (the storage guard answers 507) until the database is rebooted.
     */
    static Connection readOnlyTolerant(Connection connection) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(PlatformDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(connection, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if ("setReadOnly".equals(method.getName()) && Boolean.FALSE.equals(arguments[0])
                                && e.getCause() instanceof SQLException && DERBY_READ_ONLY_DATABASE.equals(((SQLException) e.getCause()).getSQLState())) {
                            return null;
                        }
                        throw e.getCause();
                    }
                });
    }

    /** The shut-down database closed every connection: the idle ones go now, those in use when returned. */
    private void evictPooled() {
        if (pool != null && !pool.isClosed() && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The URL without secrets, for health reports. */
    String displayUrl() {
        return settings.displayUrl();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    private Connection openConnection() throws SQLException {
        return getConnection(settings.user(), settings.password());
    }

    /** A connection of its own, outside the pool, with these credentials. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection = driver.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("The JDBC driver refused the URL " + settings.displayUrl());
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through java.util.logging; a JDBC log writer is not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The drivers' own defaults apply.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @FunctionalInterface
    private interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** What the pool draws new connections from: the platform's driver, not a DriverManager lookup. */
    private static final class OpeningDataSource implements DataSource {

        private final ConnectionOpener opener;

        OpeningDataSource(ConnectionOpener opener) {
            this.opener = opener;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return opener.open();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return opener.open();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the driver's default applies
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
