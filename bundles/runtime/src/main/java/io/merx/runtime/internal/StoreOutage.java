package io.merx.runtime.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the shared store going away once as a warning and its return once, so background work that retries every
 * few seconds (reconciliation, heartbeats) does not flood the log during an outage.
 */
final class StoreOutage {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);

    private final AtomicBoolean down = new AtomicBoolean();

    void failed(String what, RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            LOG.warn("{} failed: {}; this node keeps serving what it has and retries quietly", what, e.getMessage());
        } else {
            LOG.debug("{} failed again: {}", what, e.getMessage());
        }
    }

    void succeeded() {
        if (down.compareAndSet(true, false)) {
            LOG.info("The cluster's shared state is reachable again; reconciling");
        }
    }
}
