package io.merx.runtime.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ClusterNode;
import io.merx.api.runtime.KindInfo;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.ShadowReport;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.runtime.cluster.SharedState;

/**
 * The model runtime service: a facade that wires the store, registry, serving table and deployer to the classes
 * that each keep one concern ({@link RequestRouter} for scoring, {@link KindChanges} for kinds coming and going,
 * {@link ArtifactTransfer} for archives, {@link Readiness}, {@link Catalog} for questions) and answers the API by
 * delegating to them. Plain Java apart from its annotations, so tests construct it directly with
 * {@link RuntimeSettings} and call {@link #bindKind}/{@link #unbindKind} themselves.
 *
 * <p>With a {@link SharedState} (cluster mode, bundle {@code merx-cluster} configured) the shared desired state is the
 * record of truth: management calls publish there ({@link ClusterLedger}), {@link ClusterMode} keeps this node in
 * line with it, and the node reports ready only once it has converged. The reference is static and greedy: when
 * the cluster's service comes or goes, the runtime restarts once in the other mode.
 */
// Immediate: it loads models and trains demo models whoever holds the service. Delayed, it lived only while a user
// (the shell's commands, REST) held it, so removing the shell from a server without REST unloaded every model.
@Component(service = ModelRuntime.class, configurationPid = RuntimeSettings.PID, immediate = true)
@Designate(ocd = RuntimeConfig.class)
public final class ModelRuntimeImpl implements ModelRuntime, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRuntimeImpl.class);

    private final ModelStore store;
    private final ModelRegistry registry;
    private final KindTracker kinds;
    private final ServingTable serving;
    private final ShadowRunner shadow;
    private final Catalog catalog;
    private final Deployer deployer;
    private final TrainingJobs jobs = new TrainingJobs();
    private final DemoModels demos;
    private final KindChanges kindChanges;
    private final RequestRouter router;
    private final ArtifactTransfer artifacts;
    private final Readiness readiness;
    /** The cluster's parts; null on a single node. */
    private final ClusterMode cluster;
    private final ClusterTraining clusterTraining;
    private final ClusterView clusterView;
    private volatile BatchingSettings batchingSettings;

    @Activate
    public ModelRuntimeImpl(RuntimeConfig config, BundleContext context,
            @Reference(name = "sharedState", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY)
            SharedState shared) throws IOException {
        this(RuntimeSettings.from(config), ClusterSettings.from(config), shared, new PlatformStartup(context));
    }

    ModelRuntimeImpl(RuntimeSettings settings) throws IOException {
        this(settings, ClusterSettings.defaults(), null);
    }

    ModelRuntimeImpl(RuntimeSettings settings, ClusterSettings clusterSettings, SharedState shared)
            throws IOException {
        this(settings, clusterSettings, shared, new PlatformStartup(null));
    }

    private ModelRuntimeImpl(RuntimeSettings settings, ClusterSettings clusterSettings, SharedState shared,
            PlatformStartup startup) throws IOException {
        this.store = new ModelStore(settings.storeDirectory());
        this.registry = new ModelRegistry(store.root());
        this.kinds = new KindTracker(this::kindChanged);
        this.serving = new ServingTable(new VersionLoader(store, registry, kinds), registry, kinds);
        this.shadow = new ShadowRunner(settings.shadowThreads(), settings.shadowQueueSize());
        TrafficStats stats = new TrafficStats();
        this.catalog = new Catalog(store, registry, serving, stats);
        this.deployer = new Deployer(store, registry, serving, catalog, shadow, stats);
        this.router = new RequestRouter(registry, catalog, serving, stats, shadow);
        this.artifacts = new ArtifactTransfer(settings, store, kinds, deployer, catalog);
        new StoreReconciler(store, registry).reconcile();
        StaleUploads.delete(RuntimeSettings.merxData().resolve("uploads"),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        this.demos = new DemoModels(this, kinds, store.root().resolve(".demo"), settings.demoModels());
        this.kindChanges = new KindChanges(settings.kindGraceMillis(), store, registry, serving, demos::kindChanged);
        if (shared == null) {
            this.cluster = null;
            this.clusterTraining = null;
            this.clusterView = null;
        } else {
            VersionFetcher fetcher = new VersionFetcher(shared, store);
            ClusterLedger ledger = new ClusterLedger(shared, store, registry, serving, fetcher);
            deployer.useLedger(ledger);
            ClusterReconciler reconciler = new ClusterReconciler(shared, ledger, deployer, store, registry, serving,
                    shadow, stats, fetcher);
            this.cluster = new ClusterMode(shared, clusterSettings, reconciler,
                    new ClusterHeartbeat(shared, registry, ledger, reconciler::converged));
            this.clusterTraining = new ClusterTraining(shared, clusterSettings.leaseTtl(), cluster.threads());
            this.clusterView = new ClusterView(shared, clusterSettings.nodeTimeout(), cluster::beat);
        }
        ClusterMode c = cluster;
        this.readiness = new Readiness(registry, catalog, serving,
                () -> startup.inProgress() || kindChanges.busy() || demos.training()
                        || c != null && !c.convergedOnce());
        registry.all().stream().filter(r -> r.shadow() != null).forEach(r -> shadow.reset(r.name(), r.shadow()));
        if (cluster != null) {
            cluster.start();
        }
        LOG.info("Merx runtime started with model store {}", store.root());
    }

    @Deactivate
    @Override
    public void close() {
        // A reload in progress finishes before the scorers go away; queued ones are skipped.
        kindChanges.close();
        if (cluster != null) {
            cluster.close();
        }
        jobs.close();
        shadow.close();
        serving.clear();
        LOG.info("Merx runtime stopped");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindKind(ModelKind kind) {
        kindChanges.binding(() -> kinds.add(kind));
    }

    void unbindKind(ModelKind kind) {
        kinds.remove(kind);
    }

    /**
     * Dynamic batching follows its own configuration (pid io.merx.runtime.batching): bound, changed or gone, the
     * next request sees the new policy, and nothing restarts.
     */
    @Reference(name = "batching", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBatching(BatchingSettings settings) {
        batchingSettings = settings;
        router.batching(settings.policy());
    }

    void updatedBatching(BatchingSettings settings) {
        router.batching(settings.policy());
    }

    void unbindBatching(BatchingSettings settings) {
        // A replacement binds before the old one unbinds: only the current one's going switches batching off.
        if (batchingSettings == settings) {
            batchingSettings = null;
            router.batching(BatchingPolicy.OFF);
        }
    }

    /** Sets the batching policy directly, as the tests and the in-process benchmark do. */
    void batching(BatchingPolicy policy) {
        router.batching(policy);
    }

    /** Kinds bind only after the constructor, so kindChanges is set by the time the tracker calls this. */
    private void kindChanged(String kindName) {
        kindChanges.kindChanged(kindName);
        if (cluster != null) {
            // versions the cluster serves may need this kind to load
            cluster.requestPass();
        }
    }

    /** Waits until background loads queued so far are done; for tests. */
    void awaitMaintenance() throws InterruptedException {
        kindChanges.awaitIdle();
    }

    // ---- scoring

    @Override
    public ScoreResponse score(String model, ScoreRequest request) throws ScoringException, ModelNotFoundException {
        return score(model, LIVE, request);
    }

    @Override
    public ScoreResponse score(String model, String aliasOrVersion, ScoreRequest request)
            throws ScoringException, ModelNotFoundException {
        return router.score(model, aliasOrVersion, request);
    }

    @Override
    public List<ScoreResponse> scoreBatch(String model, String aliasOrVersion, List<ScoreRequest> requests)
            throws ScoringException, ModelNotFoundException {
        return router.scoreBatch(model, aliasOrVersion, requests);
    }

    // ---- questions

    @Override
    public boolean ready() {
        return readiness.all();
    }

    @Override
    public boolean ready(String model, String aliasOrVersion) throws ModelNotFoundException {
        return readiness.of(model, aliasOrVersion);
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
        TrainingJobImpl.Saver saver = (model, trained, activate) -> {
            String version = deployer.save(model, trained);
            if (activate) {
                deployer.setAlias(model, LIVE, version);
            }
            return version;
        };
        if (clusterTraining != null) {
            return clusterTraining.start(request.model(), kind.name(),
                    onEnd -> jobs.start(request, kind, hyperParameters, saver, onEnd));
        }
        return jobs.start(request, kind, hyperParameters, saver);
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
        return artifacts.importArtifact(archive, asModel);
    }

    @Override
    public void exportArtifact(String model, String aliasOrVersion, Path archive)
            throws IOException, ModelNotFoundException {
        artifacts.exportArtifact(model, aliasOrVersion, archive);
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

    // ---- nodes

    @Override
    public List<ClusterNode> clusterNodes() {
        if (clusterView != null) {
            return clusterView.nodes();
        }
        Map<String, ClusterNode.ServedModel> models = new TreeMap<>();
        for (ModelRecord record : registry.all()) {
            if (!record.versions().isEmpty()) {
                models.put(record.name(), new ClusterNode.ServedModel(record.live(), 0, 0));
            }
        }
        return List.of(new ClusterNode(localName(), "", Instant.now(), ready(), models));
    }

    @Override
    public List<ClusterNode> awaitConverged(String model, Duration timeout)
            throws ModelNotFoundException, InterruptedException {
        if (clusterView != null) {
            return clusterView.awaitConverged(model, timeout);
        }
        catalog.record(model);
        return clusterNodes();
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
