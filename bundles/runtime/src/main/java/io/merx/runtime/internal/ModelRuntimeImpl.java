package io.merx.runtime.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.VersionRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.NonFiniteOutputException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.api.runtime.CanarySplit;
import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.ShadowReport;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;

/**
 * The model runtime service: composes store, registry, kind tracker, serving table, deployer, shadow runner
 * and training jobs, and scores requests. Plain Java apart from its annotations, so tests construct it
 * directly with {@link RuntimeSettings} and call {@link #bindKind}/{@link #unbindKind} themselves.
 */
@Component(service = ModelRuntime.class, configurationPid = RuntimeSettings.PID)
@Designate(ocd = RuntimeConfig.class)
public final class ModelRuntimeImpl implements ModelRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRuntimeImpl.class);

    private final RuntimeSettings settings;
    private final ModelStore store;
    private final ModelRegistry registry;
    private final KindTracker kinds;
    private final ServingTable serving;
    private final TrafficStats stats = new TrafficStats();
    private final ShadowRunner shadow;
    private final Catalog catalog;
    private final Deployer deployer;
    private final TrainingJobs jobs = new TrainingJobs();
    private final ImportBudget importBudget;
    private final ArtifactSignature signatures;
    /** Loads that follow kind changes and startup, off the threads that bind services or score. */
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
    private final DemoModels demos;
    /** Kind changes whose loads and demo models are still being worked on; not ready while above zero. */
    private final AtomicInteger kindWork = new AtomicInteger();

    @Activate
    public ModelRuntimeImpl(RuntimeConfig config) throws IOException {
        this(RuntimeSettings.from(config));
    }

    ModelRuntimeImpl(RuntimeSettings settings) throws IOException {
        this.settings = settings;
        this.importBudget = new ImportBudget(settings.maxConcurrentImportBytes());
        this.signatures = new ArtifactSignature(settings.trustedKeys(), settings.requireSigned());
        this.store = new ModelStore(settings.storeDirectory());
        this.registry = new ModelRegistry(store.root());
        this.kinds = new KindTracker(this::kindChanged);
        this.serving = new ServingTable(new VersionLoader(store, registry, kinds), registry, kinds);
        this.shadow = new ShadowRunner(settings.shadowThreads(), settings.shadowQueueSize());
        this.catalog = new Catalog(store, registry, serving, stats);
        this.deployer = new Deployer(store, registry, serving, catalog, shadow, stats);
        new StoreReconciler(store, registry).reconcile();
        StaleUploads.delete(RuntimeSettings.merxData().resolve("uploads"),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        this.demos = new DemoModels(this, kinds, store.root().resolve(".demo"), settings.demoModels());
        registry.all().stream().filter(r -> r.shadow() != null).forEach(r -> shadow.reset(r.name(), r.shadow()));
        LOG.info("Merx runtime started with model store {}", store.root());
    }

    @Deactivate
    @Override
    public void close() {
        closed = true;
        graceTimer.shutdownNow();
        maintenance.shutdown();
        try {
            // A reload in progress finishes (not interrupted, which would record a false FAILED) before the
            // scorers go away; queued ones see the closed flag and skip.
            maintenance.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobs.close();
        shadow.close();
        serving.clear();
        LOG.info("Merx runtime stopped");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindKind(ModelKind kind) {
        // Counted from before the kind is visible, so no one sees it listed while the runtime looks ready.
        kindWork.incrementAndGet();
        try {
            kinds.add(kind);
        } finally {
            kindWork.decrementAndGet();
        }
    }

    void unbindKind(ModelKind kind) {
        kinds.remove(kind);
    }

    private void kindChanged(String kindName) {
        kindWork.incrementAndGet();
        try {
            maintenance.execute(() -> {
                try {
                    if (closed) {
                        return;
                    }
                    List<LoadedVersion> orphans = serving.onKindChanged(kindName);
                    preload(kindName);
                    orphans.forEach(this::unloadAfterGrace);
                    demos.kindChanged(kindName);
                } finally {
                    kindWork.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nothing to reload
            kindWork.decrementAndGet();
        }
    }

    private void unloadAfterGrace(LoadedVersion orphan) {
        long grace = settings.kindGraceMillis();
        if (grace == 0) {
            serving.unloadOrphan(orphan);
            return;
        }
        LOG.info("Kind of {}/{} went away; it keeps serving for {} ms while a replacement may arrive",
                orphan.model(), orphan.version(), grace);
        try {
            graceTimer.schedule(() -> maintenance.execute(() -> serving.unloadOrphan(orphan)), grace,
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

    /** Waits until background loads queued so far are done; for tests. */
    void awaitMaintenance() throws InterruptedException {
        try {
            maintenance.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- scoring

    @Override
    public ScoreResponse score(String model, ScoreRequest request) throws ScoringException, ModelNotFoundException {
        return score(model, LIVE, request);
    }

    @Override
    public ScoreResponse score(String model, String aliasOrVersion, ScoreRequest request)
            throws ScoringException, ModelNotFoundException {
        Routed routed = acquire(model, aliasOrVersion, request.key());
        ScoreResult result = scoreWith(routed.handle(), List.of(request)).get(0);
        String candidate = routed.record().shadow();
        if (candidate != null && LIVE.equals(routed.route())) {
            shadow.submit(model, request, result,
                    r -> scoreWith(serving.acquire(model, candidate), List.of(r)).get(0));
        }
        return new ScoreResponse(model, routed.handle().version(), routed.route(), result);
    }

    @Override
    public List<ScoreResponse> scoreBatch(String model, String aliasOrVersion, List<ScoreRequest> requests)
            throws ScoringException, ModelNotFoundException {
        if (requests.isEmpty()) {
            return List.of();
        }
        Routed routed = acquire(model, aliasOrVersion, requests.get(0).key());
        List<ScoreResult> results = scoreWith(routed.handle(), requests);
        List<ScoreResponse> responses = new ArrayList<>(results.size());
        for (ScoreResult result : results) {
            responses.add(new ScoreResponse(model, routed.handle().version(), routed.route(), result));
        }
        return responses;
    }

    /** A request's route and a reference to the version serving it. */
    private record Routed(ModelRecord record, String route, LoadedVersion handle) {
    }

    /**
     * Resolves the route and takes a reference to its version. A version that is not loaded is loaded only
     * when the registry has not moved on meanwhile; otherwise the route is resolved again, so a request that
     * raced with a switch never revives the version just retired.
     */
    private Routed acquire(String model, String aliasOrVersion, String key)
            throws ScoringException, ModelNotFoundException {
        while (true) {
            ModelRecord record = catalog.record(model);
            String[] route = route(record, aliasOrVersion, key);
            LoadedVersion handle = serving.tryAcquire(model, route[0]);
            if (handle == null && registry.get(model).orElse(null) == record) {
                handle = serving.acquire(model, route[0]);
            }
            if (handle != null) {
                return new Routed(record, route[1], handle);
            }
        }
    }

    /** {version, route name} for a request. */
    private static String[] route(ModelRecord record, String aliasOrVersion, String key)
            throws ScoringException, ModelNotFoundException {
        if (LIVE.equals(aliasOrVersion) && record.live() == null) {
            throw new ModelUnavailableException(Catalog.noLive(record));
        }
        String version = Catalog.resolve(record, aliasOrVersion);
        if (record.aliases().containsKey(aliasOrVersion)) {
            if (LIVE.equals(aliasOrVersion) && CanaryRouter.toCanary(record.canary(), key)) {
                return new String[] {record.canary().version(), ScoreResponse.ROUTE_CANARY};
            }
            return new String[] {version, aliasOrVersion};
        }
        return new String[] {version, ScoreResponse.ROUTE_PINNED};
    }

    /** Validates and scores with a version already acquired, releases it, and counts the outcome. */
    private List<ScoreResult> scoreWith(LoadedVersion handle, List<ScoreRequest> requests)
            throws ScoringException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Scorer scorer = handle.scorer();
            for (ScoreRequest request : requests) {
                scorer.inputSchema().validate(request.inputs());
            }
            List<ScoreResult> results = requests.size() == 1 ? List.of(scorer.score(requests.get(0)))
                    : scorer.scoreBatch(requests);
            failed = false;
            return results;
        } catch (NonFiniteOutputException e) {
            // the scorer's bug, not the caller's input: a scoring failure, never a "bad request"
            throw new ScoringException(e.getMessage(), e);
        } finally {
            long nanos = (System.nanoTime() - start) / requests.size();
            for (int i = 0; i < requests.size(); i++) {
                stats.record(handle.model(), handle.version(), nanos, failed);
            }
            handle.release();
        }
    }

    // ---- questions

    @Override
    public boolean ready() {
        if (kindWork.get() > 0 || demos.training()) {
            return false;
        }
        for (ModelRecord record : registry.all()) {
            if (record.live() != null && !loaded(record, record.live(), true)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean ready(String model, String aliasOrVersion) throws ModelNotFoundException {
        ModelRecord record = catalog.record(model);
        return loaded(record, Catalog.resolve(record, aliasOrVersion), LIVE.equals(aliasOrVersion));
    }

    /** Loaded versions are warmed: the serving table takes a version only once its warm-up passed. */
    private boolean loaded(ModelRecord record, String version, boolean withCanary) {
        CanarySplit canary = record.canary();
        return serving.peek(record.name(), version).isPresent()
                && (!withCanary || canary == null || serving.peek(record.name(), canary.version()).isPresent());
    }

    @Override
    public List<KindInfo> kinds() {
        return kinds.all().stream()
                .map(k -> new KindInfo(k.name(), k.version(), k.description(), k.parameters())).toList();
    }

    @Override
    public List<ModelSummary> models() {
        return catalog.models();
    }

    @Override
    public List<ModelVersionInfo> versions(String model) throws ModelNotFoundException {
        return catalog.versions(model);
    }

    @Override
    public ModelVersionInfo info(String model, String aliasOrVersion) throws ModelNotFoundException {
        return catalog.info(model, aliasOrVersion);
    }

    @Override
    public ShadowReport shadowReport(String model) throws ModelNotFoundException {
        catalog.record(model);
        return shadow.report(model);
    }

    // ---- training

    @Override
    public TrainingJob train(TrainingRequest request) {
        Names.model(request.model());
        ModelKind kind = kinds.newest(request.kind()).orElseThrow(() -> new IllegalArgumentException(
                "kind '" + request.kind() + "' is not installed; installed kinds: "
                        + kinds.all().stream().map(ModelKind::name).distinct().toList()));
        HyperParameters hyperParameters = HyperParameters.of(kind.parameters(), request.hyperParameters());
        if (!Files.isRegularFile(request.dataset())) {
            throw new IllegalArgumentException("no dataset file " + request.dataset().getFileName());
        }
        return jobs.start(request, kind, hyperParameters, (model, trained, activate) -> {
            String version = deployer.save(model, trained);
            if (activate) {
                deployer.setAlias(model, LIVE, version);
            }
            return version;
        });
    }

    @Override
    public List<TrainingJob> jobs() {
        return jobs.all();
    }

    @Override
    public Optional<TrainingJob> job(String model) {
        return jobs.latest(model);
    }

    // ---- artifacts

    @Override
    public ModelVersionInfo importArtifact(Path archive, String asModel) throws IOException {
        try (ImportBudget.Lease lease = importBudget.lease()) {
            Path staging = store.newStagingDirectory();
            try {
                return install(archive, asModel, staging, lease);
            } catch (FileSystemException e) {
                // Its message is a server path (a temp file, the store); the log keeps it, the caller gets the gist.
                LOG.warn("Import of {} failed: {}", archive, e.toString());
                throw new IOException("the archive could not be read or stored on the server (see its log)");
            } finally {
                AtomicFiles.deleteTree(staging);
            }
        }
    }

    private ModelVersionInfo install(Path archive, String asModel, Path staging, ImportBudget.Lease lease)
            throws IOException {
        ArtifactArchive.unpack(archive, staging, settings.maxImportBytes(), lease);
        Optional<String> publisher = signatures.verify(staging);
        ArtifactManifest manifest = ManifestCodec.read(Files.readAllBytes(staging.resolve(ArtifactManifest.FILE_NAME)));
        String model = Names.model(asModel != null ? asModel : manifest.name());
        try {
            VersionRange.valueOf(manifest.kindRange());
        } catch (IllegalArgumentException e) {
            throw new IOException("bad manifest: kindRange '" + manifest.kindRange() + "' is not a version range");
        }
        if (kinds.select(manifest.kind(), manifest.kindRange()).isEmpty()) {
            throw new IOException(kinds.missing(manifest.kind(), manifest.kindRange()));
        }
        try {
            ModelStore.verifyFiles(staging, manifest.files());
        } catch (IOException e) {
            throw new IOException("archive does not match its manifest: " + e.getMessage(), e);
        }
        String version = deployer.install(model, staging, manifest);
        LOG.info("Imported {} as {}/{} ({})", archive, model, version,
                publisher.map(p -> "signed by " + p).orElse("unsigned"));
        try {
            return catalog.info(model, version);
        } catch (ModelNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exportArtifact(String model, String aliasOrVersion, Path archive)
            throws IOException, ModelNotFoundException {
        String version = Catalog.resolve(catalog.record(model), aliasOrVersion);
        try {
            try {
                store.verify(model, version);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("refusing to export " + model + "/" + version + ": " + e.getMessage(), e);
            }
            ArtifactArchive.pack(store.directory(model, version), archive);
        } catch (FileSystemException e) {
            LOG.warn("Export of {}/{} failed: {}", model, version, e.toString());
            throw new IOException("version " + version + " of " + model + " could not be read or written on the"
                    + " server (see its log)");
        }
    }

    // ---- deployment

    @Override
    public ModelVersionInfo activate(String model, String version) throws ModelNotFoundException, ModelLoadException {
        deployer.setAlias(model, LIVE, version);
        return catalog.info(model, version);
    }

    @Override
    public ModelVersionInfo rollback(String model) throws ModelNotFoundException, ModelLoadException {
        return catalog.info(model, deployer.rollback(model));
    }

    @Override
    public void setAlias(String model, String alias, String version)
            throws ModelNotFoundException, ModelLoadException {
        deployer.setAlias(model, alias, version);
    }

    @Override
    public void removeAlias(String model, String alias) throws ModelNotFoundException {
        deployer.removeAlias(model, alias);
    }

    @Override
    public void setCanary(String model, String version, double percent)
            throws ModelNotFoundException, ModelLoadException {
        deployer.setCanary(model, version, percent);
    }

    @Override
    public void clearCanary(String model) throws ModelNotFoundException {
        deployer.clearCanary(model);
    }

    @Override
    public void setShadow(String model, String version) throws ModelNotFoundException, ModelLoadException {
        deployer.setShadow(model, version);
    }

    @Override
    public void clearShadow(String model) throws ModelNotFoundException {
        deployer.clearShadow(model);
    }

    @Override
    public void delete(String model, String version) throws ModelNotFoundException, IOException {
        deployer.delete(model, version);
    }
}
