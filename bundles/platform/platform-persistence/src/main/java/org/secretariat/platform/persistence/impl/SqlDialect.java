package org.secretariat.platform.persistence.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a migration's portable SQL becomes on the database at hand. Modules write one script (the
 * types listed in docs/module-guide.md); the few standard types a database lacks are translated here,
 * once, rather than in a second copy of every script. The checksum stays that of the file.
 */
enum SqlDialect {

    /** Derby runs the portable SQL as written. */
    DERBY,

    /** PostgreSQL has no CLOB or BLOB type and spells DOUBLE as DOUBLE PRECISION. */
    POSTGRESQL,

    /** Any other database: the SQL goes as written, and the database says what it refuses. */
    OTHER;

    private static final Pattern CLOB = Pattern.compile("(?i)\\bCLOB\\b(\\s*\\(\\s*\\d+\\s*[KMG]?\\s*\\))?");
    private static final Pattern BLOB = Pattern.compile("(?i)\\bBLOB\\b(\\s*\\(\\s*\\d+\\s*[KMG]?\\s*\\))?");
    private static final Pattern DOUBLE = Pattern.compile("(?i)\\bDOUBLE\\b(?!\\s+PRECISION)");

    static SqlDialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData().getDatabaseProductName());
    }

    static SqlDialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    /** The statement as this database accepts it. Quoted text is not looked into: migrations hold DDL. */
    String translate(String statement) {
        if (this != POSTGRESQL) {
            return statement;
        }
        String translated = CLOB.matcher(statement).replaceAll("TEXT");
        translated = BLOB.matcher(translated).replaceAll("BYTEA");
        return DOUBLE.matcher(translated).replaceAll("DOUBLE PRECISION");
    }
}
