package io.merx.rest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.merx.api.events.EventService;
import io.merx.api.experiments.ExperimentService;
import io.merx.api.schedule.RetrainScheduler;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;

/**
 * What the servlets share: the runtime, the current settings with the JSON codec, authenticator and model gate
 * built from them, the console's sessions, the metrics, and a thread that removes uploaded data sets once their
 * training job is done.
 * A configuration change swaps these in one step; requests in flight finish with what they started with.
 */
@Component(service = RestCore.class, configurationPid = RestSettings.PID)
@Designate(ocd = RestConfig.class)
public final class RestCore implements AutoCloseable {

    /** Everything that depends on the settings, replaced together. */
    private record State(RestSettings settings, JsonCodec codec, Authenticator authenticator, ModelGate gate) {

        static State of(RestSettings settings, RestMetrics metrics) {
            return new State(settings, new JsonCodec(settings.maxJsonDepth(), settings.maxBodyBytes()),
                    new Authenticator(settings), new ModelGate(settings, metrics::timedOut));
        }
    }

    private final ModelRuntime runtime;
    private final RestMetrics metrics;
    private final Path uploads;
    /** Outside {@link State}: a configuration change must not log console users out. */
    private final Sessions sessions = new Sessions();
    private final ExecutorService cleanup = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "merx-rest-cleanup");
        t.setDaemon(true);
        return t;
    });
    private volatile State state;
    private volatile OffHeapMemory offHeap;
    private volatile EventService events;
    private volatile ExperimentService experiments;
    private volatile RetrainScheduler scheduler;
    /** Kind of each model, for timeouts set per kind; a model keeps its kind across versions. */
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_KINDS = 10_000;

    @Activate
    public RestCore(@Reference ModelRuntime runtime, RestConfig config) {
        this(runtime, RestSettings.from(config), RestSettings.karafData().resolve("merx").resolve("uploads"));
    }

    RestCore(ModelRuntime runtime, RestSettings settings, Path uploads) {
        this.runtime = runtime;
        this.uploads = uploads;
        this.metrics = new RestMetrics(() -> this.runtime, () -> offHeap, () -> events);
        this.state = State.of(settings, metrics);
    }

    @Modified
    void modified(RestConfig config) {
        State old = state;
        state = State.of(RestSettings.from(config), metrics);
        old.gate().close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindOffHeap(OffHeapMemory memory) {
        offHeap = memory;
    }

    void unbindOffHeap(OffHeapMemory memory) {
        if (offHeap == memory) {
            offHeap = null;
        }
    }

    /** The events bundle, when installed: scoring then reports what it served, and /api/v1/events works. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(EventService service) {
        events = service;
    }

    void unbindEvents(EventService service) {
        if (events == service) {
            events = null;
        }
    }

    /** The event service, or null while the events bundle is not there. */
    EventService events() {
        return events;
    }

    /** The experiments bundle, when installed: /api/v1/models/{name}/experiments works. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindExperiments(ExperimentService service) {
        experiments = service;
    }

    void unbindExperiments(ExperimentService service) {
        if (experiments == service) {
            experiments = null;
        }
    }

    /** The experiment service, or null while the experiments bundle is not there. */
    ExperimentService experiments() {
        return experiments;
    }

    /** The schedule bundle, when installed: /api/v1/models/{name}/schedule works. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindScheduler(RetrainScheduler service) {
        scheduler = service;
    }

    void unbindScheduler(RetrainScheduler service) {
        if (scheduler == service) {
            scheduler = null;
        }
    }

    /** The retrain scheduler, or null while the schedule bundle is not there. */
    RetrainScheduler scheduler() {
        return scheduler;
    }

    @Deactivate
    @Override
    public void close() {
        state.gate().close();
        cleanup.shutdown();
    }

    ModelRuntime runtime() {
        return runtime;
    }

    RestSettings settings() {
        return state.settings();
    }

    JsonCodec codec() {
        return state.codec();
    }

    Authenticator authenticator() {
        return state.authenticator();
    }

    ModelGate gate() {
        return state.gate();
    }

    /** The request timeout of a model; its kind is looked up only when some timeout is set per kind. */
    Duration requestTimeout(String model) {
        RestSettings settings = settings();
        String kind = null;
        if (settings.hasKindTimeouts()) {
            kind = kinds.computeIfAbsent(model, m -> runtime.models().stream().filter(s -> s.name().equals(m))
                    .map(ModelSummary::kind).findFirst().orElse(null));
            if (kinds.size() > MAX_REMEMBERED_KINDS) {
                kinds.clear();
            }
        }
        return settings.requestTimeout(model, kind);
    }

    Sessions sessions() {
        return sessions;
    }

    RestMetrics metrics() {
        return metrics;
    }

    /** Where uploaded data sets and archives are spooled. */
    Path uploads() {
        return uploads;
    }

    /** Runs a clean-up task off the request thread. */
    void later(Runnable task) {
        cleanup.execute(task);
    }
}
