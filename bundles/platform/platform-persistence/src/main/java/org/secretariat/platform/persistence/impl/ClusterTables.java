package org.secretariat.platform.persistence.impl;

/**
 * The platform's own tables for more than one node, made with the schema bookkeeping tables
 * ({@link SchemaMigrator#ensurePlatformTables}): nodes and their heartbeats, leases, named locks.
 */
final class ClusterTables {

    static final String NODE = "SECRETARIAT_NODE";
    static final String LEASE = "SECRETARIAT_LEASE";
    static final String LOCK = "SECRETARIAT_LOCK";

    static final String CREATE_NODE = "CREATE TABLE " + NODE + " ("
            + "NODE_ID VARCHAR(200) NOT NULL PRIMARY KEY, "
            + "ADDRESS VARCHAR(300), "
            + "STARTED_AT TIMESTAMP NOT NULL, "
            + "HEARTBEAT_AT TIMESTAMP NOT NULL)";

    static final String CREATE_LEASE = "CREATE TABLE " + LEASE + " ("
            + "NAME VARCHAR(200) NOT NULL PRIMARY KEY, "
            + "HOLDER VARCHAR(200), "
            + "EXPIRES_AT TIMESTAMP NOT NULL)";

    static final String CREATE_LOCK = "CREATE TABLE " + LOCK + " ("
            + "NAME VARCHAR(200) NOT NULL PRIMARY KEY, "
            + "TAKEN BIGINT NOT NULL)";

    private ClusterTables() {
    }
}
