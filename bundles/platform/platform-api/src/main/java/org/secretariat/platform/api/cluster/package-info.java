/**
 * More than one platform node on one database: which nodes there are ({@link ClusterNodes}), work
 * that one node at a time may do ({@link Leases}: a mail queue, a daily job), and locks that
 * serialise a change across every node ({@link ClusterLocks}). On one machine with embedded Derby
 * there is one node, and the same calls simply always succeed for it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.secretariat.platform.api.cluster;
