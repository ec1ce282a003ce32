package org.secretariat.platform.persistence.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void readsVersionAndDescriptionFromTheFileName() {
        Migration migration = Migration.fromFile("V12__add_meeting_venue.sql", "SELECT 1;".getBytes(UTF_8));
        assertEquals(12, migration.version());
        assertEquals("add meeting venue", migration.description());
    }

    @Test
    void refusesFilesNotNamedAsMigrations() {
        assertThrows(IllegalArgumentException.class, () -> Migration.fromFile("create.sql", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Migration.fromFile("V0__zero.sql", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Migration.fromFile("V1_single_underscore.sql", new byte[0]));
    }

    @Test
    void splitsStatementsAtLineEndingSemicolonsAndDropsComments() {
        String script = "-- the notes table\n"
                + "CREATE TABLE NOTES_NOTE (\n  ID BIGINT NOT NULL,\n  TEXT VARCHAR(200) -- a ; inside is kept\n);\n\n"
                + "CREATE INDEX NOTES_NOTE_TEXT ON NOTES_NOTE (TEXT);\n";
        List<String> statements = Migration.fromFile("V1__init.sql", script.getBytes(UTF_8)).statements();
        assertEquals(2, statements.size());
        assertEquals("CREATE TABLE NOTES_NOTE (\nID BIGINT NOT NULL,\nTEXT VARCHAR(200) -- a ; inside is kept\n)", statements.get(0));
        assertEquals("CREATE INDEX NOTES_NOTE_TEXT ON NOTES_NOTE (TEXT)", statements.get(1));
    }

    @Test
    void checksumFollowsTheScript() {
        Migration a = Migration.fromFile("V1__a.sql", "SELECT 1;".getBytes(UTF_8));
        Migration b = Migration.fromFile("V1__a.sql", "SELECT 2;".getBytes(UTF_8));
        assertEquals(64, a.checksum().length());
        assertNotEquals(a.checksum(), b.checksum());
    }
}
