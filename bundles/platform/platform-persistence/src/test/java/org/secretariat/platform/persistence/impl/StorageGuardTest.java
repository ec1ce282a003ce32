package org.secretariat.platform.persistence.impl;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class StorageGuardTest {

    @Test
    void aFullOrReadOnlyStorageIsToldFromOtherFailures() {
        assertNotNull(StorageGuard.storageCause(new RuntimeException("wrapped",
                new SQLException("Page Page(4,Container(0, 1424)) could not be written to disk", "XSDG1"))));
        assertNotNull(StorageGuard.storageCause(new IllegalStateException(new SQLException(
                "An SQL data change is not permitted for a read-only connection, user or database.", "25502"))));
        assertNotNull(StorageGuard.storageCause(new UncheckedIOException(new IOException("No space left on device"))));
        assertNotNull(StorageGuard.storageCause(new RuntimeException("x", new IOException("Read-only file system"))));
        assertNull(StorageGuard.storageCause(new SQLException("duplicate key", "23505")));
        assertNull(StorageGuard.storageCause(new IOException("Connection reset")));
        assertNull(StorageGuard.storageCause(new NullPointerException()));
    }
}
