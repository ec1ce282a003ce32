package org.secretariat.platform.modules.impl;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.secretariat.platform.api.cluster.ClusterNodes;

/**
 * A follower's round as the module manager allows it: under the manager's lock (never beside an
 * operation or a recovery of this node), with requests held at the traffic gate as during an operation.
 */
final class FollowerRounds implements ClusterFollower.Rounds {

    private final ReentrantLock running;
    private final BooleanSupplier notRecovering;
    private final Supplier<TrafficGate> gate;
    private final Supplier<ClusterNodes> nodes;
    private final BooleanSupplier operationElsewhere;
    private final Consumer<String> currentOperation;
    private TrafficGate held;

    FollowerRounds(ReentrantLock running, BooleanSupplier notRecovering, Supplier<TrafficGate> gate, Supplier<ClusterNodes> nodes,
            BooleanSupplier operationElsewhere, Consumer<String> currentOperation) {
        this.running = running;
        this.notRecovering = notRecovering;
        this.gate = gate;
        this.nodes = nodes;
        this.operationElsewhere = operationElsewhere;
        this.currentOperation = currentOperation;
    }

    @Override
    public boolean begin() {
        if (!notRecovering.getAsBoolean() || !running.tryLock()) {
            return false;
        }
        currentOperation.accept("catching up with the other nodes");
        held = gate.get();
        if (held != null) {
            held.close();
        }
        return true;
    }

    @Override
    public void end() {
        if (held != null) {
            held.open();
            held = null;
        }
        currentOperation.accept(null);
        running.unlock();
    }

    @Override
    public boolean othersAlive() {
        ClusterNodes cluster = nodes.get();
        return cluster != null && cluster.nodes().stream().anyMatch(node -> node.alive() && !node.id().equals(cluster.thisNode()));
    }

    @Override
    public boolean operationElsewhere() {
        return operationElsewhere.getAsBoolean();
    }
}
