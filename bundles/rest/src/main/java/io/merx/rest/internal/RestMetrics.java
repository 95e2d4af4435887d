package io.merx.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.events.EventService;
import io.merx.api.events.VersionMetrics;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.TrainingJob;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The figures behind /metrics: HTTP scoring traffic per model and version (counts, errors by status, latency
 * histogram), the runtime's own per-version figures (which include shell and Java callers), live-version
 * swaps, deployments and training jobs, JVM memory and, when the compute bundle is there, ND4J off-heap memory.
 *
 * <p>Model labels only ever carry names of models that exist (unknown names count as {@code _unknown}), so
 * hostile traffic cannot grow the label set without bound.
 */
final class RestMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(RestMetrics.class);
    static final String UNKNOWN_MODEL = "_unknown";
    /** Seconds: 100 us to 10 s, dense where a cheap model answers. */
    private static final double[] LATENCY_BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
        0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
    private final Counter requests;
    private final Counter errors;
    private final Histogram latency;
    private final Counter swaps;
    private final Counter deployments;
    private final Counter jobsStarted;
    private final Counter timeouts;
    private final Map<String, String> lastLive = new ConcurrentHashMap<>();
    private final Set<String> knownModels = ConcurrentHashMap.newKeySet();
    private final TrafficSeries traffic = new TrafficSeries(LATENCY_BOUNDS, System::currentTimeMillis);

    RestMetrics(Supplier<ModelRuntime> runtime, Supplier<OffHeapMemory> offHeap, Supplier<EventService> events) {
        requests = Counter.builder().name("merx_http_requests_total")
                .help("Scoring requests answered over HTTP, by model, the version that answered and endpoint")
                .labelNames("model", "version", "endpoint").register(registry);
        errors = Counter.builder().name("merx_http_request_errors_total")
                .help("Scoring requests over HTTP that failed, by model, endpoint and HTTP status")
                .labelNames("model", "endpoint", "status").register(registry);
        latency = Histogram.builder().name("merx_http_request_duration_seconds")
                .help("Time to answer a scoring request over HTTP, body parsing included")
                .labelNames("model", "version", "endpoint").classicOnly().classicUpperBounds(LATENCY_BOUNDS)
                .withoutExemplars().register(registry);
        swaps = Counter.builder().name("merx_model_swaps_total")
                .help("Changes of a model's live version seen by the REST layer (its own deployments and"
                        + " changes seen at scrape time)")
                .labelNames("model").register(registry);
        deployments = Counter.builder().name("merx_deployments_total")
                .help("Deployment operations done over HTTP").labelNames("model", "operation").register(registry);
        jobsStarted = Counter.builder().name("merx_training_jobs_started_total")
                .help("Training jobs started over HTTP").labelNames("model").register(registry);
        timeouts = Counter.builder().name("merx_http_request_timeouts_total")
                .help("Scoring requests over HTTP that passed their timeout and were cancelled, by model")
                .labelNames("model").register(registry);
        registerRuntimeFigures(runtime);
        registerMemory(offHeap);
        registerOnlineFigures(events);
    }

    /** Impressions and attributed events per model, version and route, when the events bundle is there. */
    private void registerOnlineFigures(Supplier<EventService> events) {
        online(events, "merx_online_impressions_total", "Score responses served over HTTP",
                VersionMetrics::impressions);
        online(events, "merx_online_views_total", "View events attributed to a score response",
                VersionMetrics::views);
        online(events, "merx_online_clicks_total", "Click events attributed to a score response",
                VersionMetrics::clicks);
        online(events, "merx_online_add_to_carts_total", "Add-to-cart events attributed to a score response",
                VersionMetrics::addToCarts);
        online(events, "merx_online_conversions_total", "Purchase events attributed to a score response",
                VersionMetrics::conversions);
        online(events, "merx_online_revenue_total", "Summed value of attributed purchase events",
                VersionMetrics::revenue);
    }

    private void online(Supplier<EventService> events, String name, String help,
            java.util.function.ToDoubleFunction<VersionMetrics> figure) {
        CounterWithCallback.builder().name(name).help(help).labelNames("model", "version", "route")
                .callback(cb -> {
                    EventService service = events.get();
                    if (service != null) {
                        for (VersionMetrics m : service.metrics()) {
                            cb.call(figure.applyAsDouble(m), m.model(), m.version(), m.route());
                        }
                    }
                }).register(registry);
    }

    private void registerRuntimeFigures(Supplier<ModelRuntime> runtime) {
        CounterWithCallback.builder().name("merx_model_version_requests_total")
                .help("Requests scored by each stored version since the runtime started, all callers")
                .labelNames("model", "version")
                .callback(cb -> eachVersion(runtime, v -> cb.call(v.stats().requests(), v.model(), v.version())))
                .register(registry);
        CounterWithCallback.builder().name("merx_model_version_errors_total")
                .help("Requests a stored version failed (invalid input included), all callers")
                .labelNames("model", "version")
                .callback(cb -> eachVersion(runtime, v -> cb.call(v.stats().errors(), v.model(), v.version())))
                .register(registry);
        GaugeWithCallback.builder().name("merx_model_version_latency_p99_seconds")
                .help("99th percentile scoring latency of each version inside the runtime")
                .labelNames("model", "version")
                .callback(cb -> eachVersion(runtime, v -> cb.call(v.stats().p99Millis() / 1000.0, v.model(),
                        v.version())))
                .register(registry);
        GaugeWithCallback.builder().name("merx_model_version_state")
                .help("1 for each version's current life-cycle state")
                .labelNames("model", "version", "state")
                .callback(cb -> eachVersion(runtime, v -> cb.call(1, v.model(), v.version(), Views.lower(v.state()))))
                .register(registry);
        GaugeWithCallback.builder().name("merx_model_version_native_memory_bytes")
                .help("Off-heap bytes held by each loaded version's scorer")
                .labelNames("model", "version")
                .callback(cb -> eachVersion(runtime, v -> cb.call(v.nativeMemoryBytes(), v.model(), v.version())))
                .register(registry);
        GaugeWithCallback.builder().name("merx_training_jobs")
                .help("Latest training job of each model, by state")
                .labelNames("state")
                .callback(cb -> {
                    ModelRuntime r = runtime.get();
                    if (r == null) {
                        return;
                    }
                    Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
                    for (JobState state : JobState.values()) {
                        counts.put(state, 0);
                    }
                    for (TrainingJob job : r.jobs()) {
                        counts.merge(job.state(), 1, Integer::sum);
                    }
                    counts.forEach((state, n) -> cb.call(n, Views.lower(state)));
                })
                .register(registry);
    }

    private void registerMemory(Supplier<OffHeapMemory> offHeap) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        GaugeWithCallback.builder().name("jvm_memory_used_bytes").help("JVM memory in use")
                .labelNames("area").callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getUsed(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getUsed(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_max_bytes").help("JVM memory limit, -1 when unbounded")
                .labelNames("area").callback(cb -> {
                    MemoryUsage heap = memory.getHeapMemoryUsage();
                    cb.call(heap.getMax(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getMax(), "nonheap");
                }).register(registry);
        List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        GaugeWithCallback.builder().name("jvm_buffer_pool_used_bytes").help("JVM direct and mapped buffers")
                .labelNames("pool").callback(cb -> pools.forEach(p -> cb.call(p.getMemoryUsed(), p.getName())))
                .register(registry);
        GaugeWithCallback.builder().name("merx_nd4j_offheap_bytes")
                .help("ND4J off-heap memory in use (absent without the compute bundle)")
                .callback(cb -> {
                    OffHeapMemory m = offHeap.get();
                    if (m != null) {
                        cb.call(m.usedBytes());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("merx_nd4j_offheap_max_bytes")
                .help("ND4J off-heap memory limit (absent without the compute bundle)")
                .callback(cb -> {
                    OffHeapMemory m = offHeap.get();
                    if (m != null) {
                        cb.call(m.maxBytes());
                    }
                }).register(registry);
    }

    private interface VersionVisitor {
        void visit(ModelVersionInfo version);
    }

    private static void eachVersion(Supplier<ModelRuntime> runtime, VersionVisitor visitor) {
        ModelRuntime r = runtime.get();
        if (r == null) {
            return;
        }
        for (ModelSummary model : r.models()) {
            try {
                for (ModelVersionInfo version : r.versions(model.name())) {
                    visitor.visit(version);
                }
            } catch (ModelNotFoundException e) {
                // deleted between the two calls
            }
        }
    }

    /** Counts an answered scoring request. */
    void answered(String model, String version, String endpoint, long nanos) {
        knownModels.add(model);
        requests.labelValues(model, version, endpoint).inc();
        latency.labelValues(model, version, endpoint).observe(nanos / 1e9);
        traffic.answered(model, version, nanos);
    }

    /** Counts a failed scoring request; a model name not known to exist counts as {@link #UNKNOWN_MODEL}. */
    void failed(String model, String endpoint, int status) {
        String label = knownModels.contains(model) ? model : UNKNOWN_MODEL;
        errors.labelValues(label, endpoint, Integer.toString(status)).inc();
        if (label.equals(model)) {
            traffic.failed(model);
        }
    }

    /** The last hour per minute, for the console's charts. */
    TrafficSeries traffic() {
        return traffic;
    }

    /** Counts a request cancelled at its timeout; only a model that exists runs long enough to time out. */
    void timedOut(String model) {
        knownModels.add(model);
        timeouts.labelValues(model).inc();
    }

    void deployed(String model, String operation, ModelRuntime runtime) {
        deployments.labelValues(model, operation).inc();
        observeLive(runtime);
    }

    void trainingStarted(String model) {
        jobsStarted.labelValues(model).inc();
    }

    /** Counts live-version changes since the last look. */
    void observeLive(ModelRuntime runtime) {
        for (ModelSummary model : runtime.models()) {
            knownModels.add(model.name());
            String live = model.aliases().get(ModelRuntime.LIVE);
            String before = live == null ? lastLive.remove(model.name()) : lastLive.put(model.name(), live);
            if (before != null && live != null && !Objects.equals(before, live)) {
                swaps.labelValues(model.name()).inc();
            }
        }
    }

    /** Writes every figure in the Prometheus text format. */
    void write(OutputStream out, ModelRuntime runtime) throws IOException {
        try {
            observeLive(runtime);
        } catch (RuntimeException e) {
            LOG.debug("Could not read live versions for metrics: {}", e.getMessage());
        }
        writer.write(out, registry.scrape());
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
