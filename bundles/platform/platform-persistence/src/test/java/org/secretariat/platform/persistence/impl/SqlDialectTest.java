package org.secretariat.platform.persistence.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    private static final String TABLE = "CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY, BODY CLOB NOT NULL, "
            + "SCAN BLOB(10M), WEIGHT DOUBLE, RATIO DOUBLE PRECISION, CLOBBERED VARCHAR(10))";

    @Test
    void theDatabaseIsKnownByItsProductName() {
        assertEquals(SqlDialect.DERBY, SqlDialect.of("Apache Derby"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.of("PostgreSQL"));
        assertEquals(SqlDialect.OTHER, SqlDialect.of("H2"));
        assertEquals(SqlDialect.OTHER, SqlDialect.of((String) null));
    }

    @Test
    void postgresqlGetsItsOwnNamesForTheTypesItLacks() {
        assertEquals("CREATE TABLE NOTES_NOTE (ID BIGINT NOT NULL PRIMARY KEY, BODY TEXT NOT NULL, "
                + "SCAN BYTEA, WEIGHT DOUBLE PRECISION, RATIO DOUBLE PRECISION, CLOBBERED VARCHAR(10))",
                SqlDialect.POSTGRESQL.translate(TABLE));
        assertEquals("ALTER TABLE X ADD COLUMN NOTE TEXT", SqlDialect.POSTGRESQL.translate("ALTER TABLE X ADD COLUMN NOTE clob"));
    }

    @Test
    void derbyAndOtherDatabasesRunTheScriptAsWritten() {
        assertEquals(TABLE, SqlDialect.DERBY.translate(TABLE));
        assertEquals(TABLE, SqlDialect.OTHER.translate(TABLE));
    }
}
