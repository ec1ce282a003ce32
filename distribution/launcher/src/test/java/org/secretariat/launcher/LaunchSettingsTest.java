package org.secretariat.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSettingsTest {

    @TempDir
    Path folder;

    private LaunchSettings read(Map<String, String> environment) throws LaunchSettings.ConfigurationException {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("SECRETARIAT_DATA", folder.resolve("data").toString());
        return LaunchSettings.read(env::get, folder);
    }

    @Test
    void defaultsArePort8080AndADataFolderWithLogs() throws Exception {
        LaunchSettings settings = read(Map.of());
        assertEquals(8080, settings.port());
        assertTrue(Files.isDirectory(settings.data().resolve("logs")));
        assertNull(settings.jdbcUrl());
    }

    @Test
    void aConfigurationFolderOutsideTheDistributionGetsTheMissingDefaultsAndKeepsItsOwnFiles() throws Exception {
        Files.createDirectories(folder.resolve("etc"));
        Files.writeString(folder.resolve("etc/org.secretariat.profile.config"), "acronym=\"CCM\"\n");
        Files.writeString(folder.resolve("etc/org.secretariat.new-in-this-release.config"), "x=\"1\"\n");
        Path own = folder.resolve("admin-etc");
        Files.createDirectories(own);
        Files.writeString(own.resolve("org.secretariat.profile.config"), "acronym=\"ATT\"\n");

        LaunchSettings settings = read(Map.of("SECRETARIAT_ETC", own.toString()));

        assertEquals(own, settings.etc());
        assertEquals("acronym=\"ATT\"\n", Files.readString(own.resolve("org.secretariat.profile.config")), "never overwritten");
        assertEquals("x=\"1\"\n", Files.readString(own.resolve("org.secretariat.new-in-this-release.config")), "a new default arrives");
        assertEquals(folder.resolve("etc"), read(Map.of()).etc(), "unset: the distribution's etc/");
        assertEquals(own.toString(), Main.platformProperties(folder, own, settings.data(), null, 8080).get("felix.fileinstall.dir"));
    }

    @Test
    void portMustBeANumberInRange() {
        for (String bad : new String[] {"http", "0", "70000", "-1"}) {
            LaunchSettings.ConfigurationException e = assertThrows(LaunchSettings.ConfigurationException.class,
                    () -> read(Map.of("SECRETARIAT_PORT", bad)));
            assertTrue(e.getMessage().startsWith("SECRETARIAT_PORT"), e.getMessage());
            assertEquals(2, e.exitCode);
        }
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            LaunchSettings settings = read(Map.of("SECRETARIAT_PORT", Integer.toString(busy.getLocalPort())));
            LaunchSettings.ConfigurationException e = assertThrows(LaunchSettings.ConfigurationException.class, settings::checkPortFree);
            assertTrue(e.getMessage().contains("is in use"), e.getMessage());
            assertEquals(3, e.exitCode);
        }
    }

    @Test
    void anUnwritableDataFolderIsReported() throws Exception {
        Path locked = Files.createDirectory(folder.resolve("locked"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        Path file = Files.createFile(folder.resolve("a-file"));
        // root may write anywhere; a path under a regular file fails for everyone.
        String target = Files.isWritable(locked) ? file.resolve("data").toString() : locked.toString();
        LaunchSettings.ConfigurationException e = assertThrows(LaunchSettings.ConfigurationException.class,
                () -> read(Map.of("SECRETARIAT_DATA", target)));
        assertTrue(e.getMessage().contains("not writable"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseServerIsReported() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        LaunchSettings settings = read(Map.of("SECRETARIAT_JDBC_URL", "jdbc:derby://127.0.0.1:" + freePort + "/secretariat"));
        LaunchSettings.ConfigurationException e = assertThrows(LaunchSettings.ConfigurationException.class, settings::checkDatabaseReachable);
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertEquals(4, e.exitCode);
    }

    @Test
    void aShortFirstAdministratorPasswordIsRefused() {
        LaunchSettings.ConfigurationException e = assertThrows(LaunchSettings.ConfigurationException.class,
                () -> read(Map.of("SECRETARIAT_ADMIN_PASSWORD", "admin")));
        assertTrue(e.getMessage().contains("at least 12"), e.getMessage());
    }

    @Test
    void jdbcUrlMustLookLikeOne() {
        assertThrows(LaunchSettings.ConfigurationException.class, () -> read(Map.of("SECRETARIAT_JDBC_URL", "postgres://db/x")));
    }

    @Test
    void serverAddressesComeFromTheUrlWithDefaultPorts() {
        InetSocketAddress pg = LaunchSettings.serverAddress("jdbc:postgresql://db.example:5433/secretariat?ssl=true");
        assertEquals("db.example", pg.getHostString());
        assertEquals(5433, pg.getPort());
        assertEquals(1527, LaunchSettings.serverAddress("jdbc:derby://dbhost/secretariat;create=true").getPort());
        assertNull(LaunchSettings.serverAddress("jdbc:derby:/var/secretariat/db;create=true"));
    }
}
