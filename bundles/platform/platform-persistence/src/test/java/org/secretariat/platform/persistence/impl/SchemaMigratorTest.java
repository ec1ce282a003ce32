package org.secretariat.platform.persistence.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs migrations against a real embedded Derby database on disk. */
class SchemaMigratorTest {

    @TempDir
    Path folder;

    private EmbeddedDataSource dataSource;
    private SchemaMigrator migrator;

    @BeforeEach
    void openDatabase() throws SQLException {
        System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        migrator = new SchemaMigrator(dataSource);
        migrator.ensurePlatformTables();
        migrator.ensurePlatformTables();
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

    private static Migration migration(String file, String sql) {
        return Migration.fromFile(file, sql.getBytes(UTF_8));
    }

    @Test
    void appliesEachStepOnceAndRecordsTheVersion() throws Exception {
        Migration v1 = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY, TEXT VARCHAR(100));");
        Migration v2 = migration("V2__add_author.sql", "ALTER TABLE NOTES_NOTE ADD COLUMN AUTHOR VARCHAR(100);");
        assertEquals(1, migrator.migrate("notes", List.of(v1)));
        assertEquals(2, migrator.migrate("notes", List.of(v2, v1)));
        assertEquals(2, migrator.migrate("notes", List.of(v1, v2)));
        assertEquals(2, count("SELECT COUNT(*) FROM SECRETARIAT_SCHEMA_HISTORY WHERE MODULE_ID = 'notes'"));
        assertEquals(2, migrator.versions().get(0).getVersion());
        assertEquals("notes", migrator.versions().get(0).getModule());
    }

    @Test
    void aFailedStepLeavesNothingOfItselfAndNamesTheStep() throws Exception {
        Migration v1 = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY);");
        Migration broken = migration("V2__broken.sql", "CREATE TABLE NOTES_TAG (ID BIGINT NOT NULL PRIMARY KEY);\nCREATE TABLE NOTES_BAD (;\n");
        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrator.migrate("notes", List.of(v1, broken)));
        assertTrue(failure.getMessage().contains("V2 (broken)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("statement 2"), failure.getMessage());
        assertEquals(1, migrator.versions().get(0).getVersion());
        // The first statement of the failed step was rolled back with it.
        assertEquals(0, count("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'NOTES_TAG'"));
    }

    @Test
    void aNewerRecordedSchemaIsKept() throws Exception {
        Migration v1 = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY);");
        Migration v2 = migration("V2__more.sql", "ALTER TABLE NOTES_NOTE ADD COLUMN TEXT VARCHAR(10);");
        migrator.migrate("notes", List.of(v1, v2));
        assertEquals(2, migrator.migrate("notes", List.of(v1)));
    }

    @Test
    void aMigrationChangedAfterItWasAppliedIsRefusedByName() throws Exception {
        Migration v1 = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY);\n");
        migrator.migrate("notes", List.of(v1));
        Migration sameWithCrLf = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY);\r\n");
        assertEquals(1, migrator.migrate("notes", List.of(sameWithCrLf)), "line endings are not a change");
        Migration edited = migration("V1__create.sql", "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY, TEXT VARCHAR(10));\n");
        Migration v2 = migration("V2__more.sql", "ALTER TABLE NOTES_NOTE ADD COLUMN AUTHOR VARCHAR(10);");
        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrator.migrate("notes", List.of(edited, v2)));
        assertTrue(failure.getMessage().contains("V1__create.sql") && failure.getMessage().contains("changed after it was applied"), failure.getMessage());
        assertEquals(1, migrator.versions().get(0).getVersion(), "nothing further is applied");
    }

    @Test
    void duplicateVersionsAreRefused() {
        Migration a = migration("V1__a.sql", "SELECT 1 FROM SYS.SYSTABLES;");
        Migration b = migration("V1__b.sql", "SELECT 1 FROM SYS.SYSTABLES;");
        assertThrows(MigrationFailedException.class, () -> migrator.migrate("notes", List.of(a, b)));
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
