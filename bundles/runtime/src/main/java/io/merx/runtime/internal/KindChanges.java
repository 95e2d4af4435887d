package io.merx.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;

/**
 * What follows a kind coming or going, on one maintenance thread off the threads that bind services or score:
 * versions it served are resolved again, versions that aliases, canary or shadow point at are loaded, orphans keep
 * serving for the grace period before they unload, and the kind's demo model is looked after. Work is counted from
 * before a kind becomes visible until its loads are done, so the runtime never looks ready in between.
 */
final class KindChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KindChanges.class);

    private final long graceMillis;
    private final ModelStore store;
    private final ModelRegistry registry;
    private final ServingTable serving;
    private final Consumer<String> afterLoads;
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean closed;
    private final ExecutorService maintenance = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "merx-runtime-maintenance");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService graceTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "merx-runtime-kind-grace");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param graceMillis how long a version whose kind went away keeps serving; 0 unloads it at once
     * @param afterLoads runs on the maintenance thread once a kind's versions are loaded (demo models)
     */
    KindChanges(long graceMillis, ModelStore store, ModelRegistry registry, ServingTable serving,
            Consumer<String> afterLoads) {
        this.graceMillis = graceMillis;
        this.store = store;
        this.registry = registry;
        this.serving = serving;
        this.afterLoads = afterLoads;
    }

    /** Runs a kind's binding as work in progress, so no one sees the kind listed while the runtime looks ready. */
    void binding(Runnable bind) {
        work.incrementAndGet();
        try {
            bind.run();
        } finally {
            work.decrementAndGet();
        }
    }

    /** Whether kind changes are still being worked on. */
    boolean busy() {
        return work.get() > 0;
    }

    /** Queues the work that follows a change of the named kind. */
    void kindChanged(String kindName) {
        work.incrementAndGet();
        try {
            maintenance.execute(() -> {
                try {
                    if (closed) {
                        return;
                    }
                    List<LoadedVersion> orphans = serving.onKindChanged(kindName);
                    preload(kindName);
                    orphans.forEach(this::unloadAfterGrace);
                    afterLoads.accept(kindName);
                } finally {
                    work.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nothing to reload
            work.decrementAndGet();
        }
    }

    private void unloadAfterGrace(LoadedVersion orphan) {
        if (graceMillis == 0) {
            serving.unloadOrphan(orphan);
            return;
        }
        LOG.info("Kind of {}/{} went away; it keeps serving for {} ms while a replacement may arrive",
                orphan.model(), orphan.version(), graceMillis);
        try {
            graceTimer.schedule(() -> maintenance.execute(() -> serving.unloadOrphan(orphan)), graceMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: everything is unloaded anyway
        }
    }

    /** Loads versions that aliases, canary or shadow point at, when a kind that can load them arrives. */
    private void preload(String kindName) {
        for (ModelRecord record : registry.all()) {
            List<String> targets = new ArrayList<>(record.aliases().values());
            Optional.ofNullable(record.canary()).ifPresent(c -> targets.add(c.version()));
            Optional.ofNullable(record.shadow()).ifPresent(targets::add);
            for (String version : targets) {
                if (serving.peek(record.name(), version).isPresent()) {
                    continue;
                }
                try {
                    if (store.readManifest(record.name(), version).kind().equals(kindName)) {
                        serving.ensureLoaded(record.name(), version, false);
                    }
                } catch (IOException | ModelLoadException e) {
                    LOG.debug("Not preloading {}/{}: {}", record.name(), version, e.getMessage());
                }
            }
        }
    }

    /** Waits until the work queued so far is done; for tests. */
    void awaitIdle() throws InterruptedException {
        try {
            maintenance.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a load in progress finish (not interrupted, which would record a false FAILED); skips queued ones. */
    @Override
    public void close() {
        closed = true;
        graceTimer.shutdownNow();
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
