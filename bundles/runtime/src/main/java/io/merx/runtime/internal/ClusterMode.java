package io.merx.runtime.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.runtime.cluster.SharedState;
import io.merx.runtime.cluster.SharedStateUnavailableException;

/**
 * The background work of a cluster node, on its own threads so neither scoring nor the store's notification
 * thread ever waits for it: the first reconcile at start, a full pass every interval and after each kind change, one
 * model's reconcile per change notification (coalesced while one is queued), and the heartbeat. While the shared
 * state is unreachable all of it retries quietly.
 */
final class ClusterMode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMode.class);

    private final SharedState shared;
    private final ClusterSettings settings;
    private final ClusterReconciler reconciler;
    private final ClusterHeartbeat heartbeat;
    private final StoreOutage outage = new StoreOutage();
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(3, r -> {
        Thread t = new Thread(r, "merx-cluster");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean passRunning = new AtomicBoolean();
    private volatile boolean passRequested;
    private volatile boolean published;
    private volatile AutoCloseable watch;

    ClusterMode(SharedState shared, ClusterSettings settings, ClusterReconciler reconciler,
            ClusterHeartbeat heartbeat) {
        this.shared = shared;
        this.settings = settings;
        this.reconciler = reconciler;
        this.heartbeat = heartbeat;
    }

    /** Whether this node has served the desired state since it started; it is not ready before. */
    boolean convergedOnce() {
        return reconciler.convergedOnce();
    }

    ScheduledExecutorService threads() {
        return threads;
    }

    void start() {
        LOG.info("Cluster mode: node {} reconciles from {}", shared.nodeName(), shared.describe());
        requestPass();
        long reconcile = settings.reconcileInterval().toMillis();
        threads.scheduleWithFixedDelay(this::requestPass, reconcile, reconcile, TimeUnit.MILLISECONDS);
        long beat = settings.heartbeatInterval().toMillis();
        threads.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** Runs a full pass soon; passes never overlap, and a request during a pass runs one more after it. */
    void requestPass() {
        passRequested = true;
        if (passRunning.compareAndSet(false, true)) {
            execute(this::passes);
        }
    }

    private void passes() {
        try {
            while (passRequested) {
                passRequested = false;
                pass();
            }
        } finally {
            passRunning.set(false);
        }
        if (passRequested && passRunning.compareAndSet(false, true)) {
            execute(this::passes);
        }
    }

    private void pass() {
        try {
            if (!published) {
                reconciler.publishLocalModelsIfFirst();
                published = true;
            }
            watchIfNeeded();
            reconciler.reconcileAll();
            outage.succeeded();
            beat();
        } catch (SharedStateUnavailableException e) {
            outage.failed("Reconciling with " + shared.describe(), e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Reconcile pass failed: {}", e.toString());
        }
    }

    private void watchIfNeeded() {
        if (watch == null) {
            watch = shared.watch(this::changed);
        }
    }

    /** Called on the store's thread: hand over and return at once. */
    private void changed(String model) {
        if (queued.add(model)) {
            execute(() -> {
                queued.remove(model);
                try {
                    reconciler.reconcile(model);
                    beat();
                } catch (SharedStateUnavailableException e) {
                    outage.failed("Reconciling " + model + " with " + shared.describe(), e);
                }
            });
        }
    }

    void beat() {
        try {
            heartbeat.beat();
        } catch (SharedStateUnavailableException e) {
            outage.failed("Heartbeat to " + shared.describe(), e);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed: {}", e.toString());
        }
    }

    private void execute(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Stops watching and lets a reconcile in progress finish (interrupting a load would record a false FAILED). */
    @Override
    public void close() {
        AutoCloseable w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.debug("Closing the change feed: {}", e.toString());
            }
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
