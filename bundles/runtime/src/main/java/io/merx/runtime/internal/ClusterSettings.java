package io.merx.runtime.internal;

import java.time.Duration;

/**
 * How a cluster node paces itself; used only when a shared state is configured.
 *
 * @param reconcileInterval how often the node reconciles every model, beside the change notifications
 * @param heartbeatInterval how often it reports what it serves
 * @param leaseTtl how long a training lease lasts unless renewed (a node that dies releases it after this)
 */
record ClusterSettings(Duration reconcileInterval, Duration heartbeatInterval, Duration leaseTtl) {

    static final int DEFAULT_RECONCILE_SECONDS = 10;
    static final int DEFAULT_HEARTBEAT_SECONDS = 5;
    static final int DEFAULT_LEASE_SECONDS = 60;

    ClusterSettings {
        if (reconcileInterval.isNegative() || reconcileInterval.isZero() || heartbeatInterval.isNegative()
                || heartbeatInterval.isZero() || leaseTtl.isNegative() || leaseTtl.isZero()) {
            throw new IllegalArgumentException("clusterReconcileSeconds, clusterHeartbeatSeconds and"
                    + " trainingLeaseSeconds must be positive");
        }
    }

    static ClusterSettings defaults() {
        return new ClusterSettings(Duration.ofSeconds(DEFAULT_RECONCILE_SECONDS),
                Duration.ofSeconds(DEFAULT_HEARTBEAT_SECONDS), Duration.ofSeconds(DEFAULT_LEASE_SECONDS));
    }

    static ClusterSettings from(RuntimeConfig config) {
        return new ClusterSettings(Duration.ofSeconds(config.clusterReconcileSeconds()),
                Duration.ofSeconds(config.clusterHeartbeatSeconds()),
                Duration.ofSeconds(config.trainingLeaseSeconds()));
    }

    /** Heartbeats older than this belong to nodes that stopped. */
    Duration nodeTimeout() {
        return heartbeatInterval.multipliedBy(3);
    }
}
