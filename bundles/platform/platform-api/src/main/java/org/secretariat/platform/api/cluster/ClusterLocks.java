package org.secretariat.platform.api.cluster;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A lock that serialises one kind of change across every node, held by a database transaction: a
 * second transaction asking for the same name waits until the first commits or rolls back. For
 * short checks-then-writes that a unique key cannot guard, such as "never leave the platform
 * without an administrator".
 */
@ProviderType
public interface ClusterLocks {

    /** Takes the lock {@code name} inside {@code em}'s transaction, which must be active; released at its end. */
    void lock(EntityManager em, String name);
}
