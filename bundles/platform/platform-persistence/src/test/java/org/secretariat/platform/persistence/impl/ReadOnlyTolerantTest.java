package org.secretariat.platform.persistence.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A pooled embedded connection of a database Derby keeps read-only (after a disk-full error) is still handed out. */
class ReadOnlyTolerantTest {

    private final List<String> calls = new ArrayList<>();

    private Connection readOnlyDatabase() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
            calls.add(method.getName() + (arguments == null ? "" : "(" + arguments[0] + ")"));
            switch (method.getName()) {
                case "setReadOnly":
                    throw new SQLException("A read-only user or a user in a read-only database is not permitted to disable read-only mode", "25505");
                case "isReadOnly":
                    return true;
                case "setAutoCommit":
                    throw new SQLException("closed", "08003");
                default:
                    return null;
            }
        });
    }

    @Test
    void leavingReadOnlyModeIsIgnoredWhereDerbyRefusesItAndEverythingElsePassesThrough() throws SQLException {
        Connection connection = PlatformDataSource.readOnlyTolerant(readOnlyDatabase());
        connection.setReadOnly(false);
        assertEquals(true, connection.isReadOnly());
        assertEquals("08003", assertThrows(SQLException.class, () -> connection.setAutoCommit(true)).getSQLState());
        assertEquals("25505", assertThrows(SQLException.class, () -> connection.setReadOnly(true)).getSQLState(),
                "only leaving read-only mode is let go");
        assertEquals(List.of("setReadOnly(false)", "isReadOnly", "setAutoCommit(true)", "setReadOnly(true)"), calls);
    }
}
