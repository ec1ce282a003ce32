package org.secretariat.platform.api.cluster;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The platform nodes that share this database, as their heartbeats in the database show them. */
@ProviderType
public interface ClusterNodes {

    /** This node's name ({@code SECRETARIAT_NODE}, by default host name and port). */
    String thisNode();

    /** Every node seen in the last day, this one first, then by name. */
    List<Node> nodes();

    /**
     * A node: {@code alive} while its last heartbeat is recent (a node beats every few seconds; one
     * that missed three beats is taken for dead until it beats again).
     */
    record Node(String id, String address, Instant startedAt, Instant lastHeartbeat, boolean alive) {
    }
}
