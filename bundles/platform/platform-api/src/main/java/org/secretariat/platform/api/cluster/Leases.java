package org.secretariat.platform.api.cluster;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Work that one node at a time may do: a lease is held by one node until it lapses or is released,
 * and a node that dies loses it when it lapses. Call {@link #hold} before each round of the work
 * (it takes the lease or renews it) with a period longer than the round; work only while it says yes.
 */
@ProviderType
public interface Leases {

    /**
     * Takes the lease {@code name} for this node, or renews it, for {@code period} from now.
     *
     * @return true when this node holds it now; false while another node's lease runs
     */
    boolean hold(String name, Duration period);

    /** Gives the lease up now, if this node holds it, so another node need not wait for it to lapse. */
    void release(String name);

    /** The node holding the lease now, if any lease on that name runs. */
    Optional<String> holder(String name);
}
