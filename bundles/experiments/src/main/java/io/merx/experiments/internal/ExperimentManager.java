package io.merx.experiments.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ModelLoadException;
import io.merx.api.events.EventService;
import io.merx.api.events.VersionMetrics;
import io.merx.api.experiments.ExperimentMetric;
import io.merx.api.experiments.ExperimentReport;
import io.merx.api.experiments.ExperimentService;
import io.merx.api.experiments.ExperimentSpec;
import io.merx.api.experiments.ExperimentState;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelSummary;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.VersionStats;

/**
 * The experiment service: starts a canary with a snapshot of both arms' counts, evaluates every running
 * experiment on a schedule with the {@link Judge}, carries out its decision on the runtime and stores each new
 * state before it is reported. Reloads the stored experiments when it starts and continues the running ones.
 * Start, stop and evaluation take one lock, so a decision never races an operator's stop.
 */
@Component(service = ExperimentService.class, configurationPid = "io.merx.experiments", immediate = true)
@Designate(ocd = ExperimentsConfig.class)
public final class ExperimentManager implements ExperimentService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentManager.class);

    private final ModelRuntime runtime;
    private final EventService events;
    private final ExperimentStore store;
    private final Judge judge;
    private final Clock clock;
    private final Map<String, Experiment> experiments = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();

    @Activate
    public ExperimentManager(@Reference ModelRuntime runtime, @Reference EventService events,
            ExperimentsConfig config) throws IOException {
        this(runtime, events, config.directory().isBlank() ? karafData().resolve("merx").resolve("experiments")
                : Path.of(config.directory().trim()), new GuardrailLimits(config.latencyTolerance(),
                        config.latencySlackMillis(), config.guardrailMinRequests()),
                Duration.ofSeconds(config.evaluationIntervalSeconds()), Clock.systemUTC());
    }

    /**
     * The service outside OSGi. With a null interval nothing is scheduled and the caller evaluates with
     * {@link #evaluate()}; close it when done.
     */
    public ExperimentManager(ModelRuntime runtime, EventService events, Path directory, GuardrailLimits limits,
            Duration interval, Clock clock) throws IOException {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("evaluationIntervalSeconds must be at least 1, got "
                    + interval.toSeconds());
        }
        this.runtime = runtime;
        this.events = events;
        this.store = new ExperimentStore(directory);
        this.judge = new Judge(limits);
        this.clock = clock;
        for (Experiment e : store.loadAll()) {
            experiments.put(e.id(), e);
        }
        long running = experiments.values().stream().filter(e -> !e.state().isFinal()).count();
        LOG.info("Experiments in {}: {} stored, {} running", directory, experiments.size(), running);
        if (interval == null) {
            scheduler = null;
        } else {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "merx-experiments");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::evaluateLogged, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public ExperimentReport start(ExperimentSpec spec) throws ModelNotFoundException, ModelLoadException,
            IOException {
        synchronized (lock) {
            String model = spec.model();
            Optional<Experiment> running = running(model);
            if (running.isPresent()) {
                throw new IllegalStateException("model '" + model + "' already has a running experiment ("
                        + running.get().id() + "); stop it first");
            }
            ModelSummary summary = summary(model);
            if (summary == null) {
                throw new ModelNotFoundException("no model '" + model + "'");
            }
            String live = summary.aliases().get(ModelRuntime.LIVE);
            if (live == null) {
                throw new IllegalArgumentException("model '" + model + "' has no live version to compare with");
            }
            if (live.equals(spec.candidateVersion())) {
                throw new IllegalArgumentException("version " + live + " is already live; an experiment needs"
                        + " another version");
            }
            if (summary.canary() != null) {
                throw new IllegalStateException("model '" + model + "' already has a canary (version "
                        + summary.canary().version() + " at " + summary.canary().percent() + "%); clear it first");
            }
            runtime.info(model, spec.candidateVersion());
            List<VersionMetrics> metrics = events.metrics(model);
            Counts controlBaseline = counts(metrics, live, ModelRuntime.LIVE, spec.metric());
            Counts candidateBaseline = counts(metrics, spec.candidateVersion(), ScoreResponse.ROUTE_CANARY,
                    spec.metric());
            // the live version's earlier traffic, when there is enough, scales the test before it starts
            double tau2 = controlBaseline.impressions() >= spec.minSamples() && controlBaseline.successes() > 0
                    ? Judge.tau2(spec, Math.min(1, (double) controlBaseline.successes()
                            / controlBaseline.impressions()))
                    : 0;
            runtime.setCanary(model, spec.candidateVersion(), spec.percent());
            Experiment e = Experiment.started(newId(), spec, live, tau2, controlBaseline, candidateBaseline,
                    clock.instant());
            try {
                store.save(e);
            } catch (IOException failed) {
                runtime.clearCanary(model);
                throw failed;
            }
            experiments.put(e.id(), e);
            LOG.info("Experiment {} started: {} version {} against live {} on {}% of traffic, metric {}", e.id(),
                    model, spec.candidateVersion(), live, spec.percent(), spec.metric().wireName());
            return e.report();
        }
    }

    @Override
    public ExperimentReport stop(String id) throws IOException {
        synchronized (lock) {
            Experiment e = experiments.get(id);
            if (e == null) {
                throw new IllegalArgumentException("id: no experiment '" + id + "'");
            }
            if (e.state().isFinal()) {
                return e.report();
            }
            ModelSummary summary = summary(e.spec().model());
            if (summary != null && summary.canary() != null
                    && summary.canary().version().equals(e.spec().candidateVersion())) {
                try {
                    runtime.clearCanary(e.spec().model());
                } catch (ModelNotFoundException gone) {
                    // deleted meanwhile: nothing left to clear
                }
            }
            Experiment stopped = e.ended(ExperimentState.STOPPED, "stopped by an operator; canary cleared",
                    clock.instant());
            store.save(stopped);
            experiments.put(id, stopped);
            return stopped.report();
        }
    }

    @Override
    public Optional<ExperimentReport> get(String id) {
        synchronized (lock) {
            return Optional.ofNullable(experiments.get(id)).map(Experiment::report);
        }
    }

    @Override
    public List<ExperimentReport> list(String model) {
        synchronized (lock) {
            return experiments.values().stream().filter(e -> model == null || e.spec().model().equals(model))
                    .sorted(Comparator.comparing(Experiment::startedAt).reversed()).map(Experiment::report)
                    .toList();
        }
    }

    /** Evaluates every running experiment once, acting on and storing each decision. */
    public void evaluate() throws IOException {
        synchronized (lock) {
            for (Experiment e : List.copyOf(experiments.values())) {
                if (!e.state().isFinal()) {
                    Experiment next = act(judge.judge(e, observe(e), clock.instant()));
                    // written when something a restart needs changed, not for the timestamp alone
                    if (!next.sameApartFromUpdatedAt(e)) {
                        store.save(next);
                    }
                    experiments.put(next.id(), next);
                }
            }
        }
    }

    private void evaluateLogged() {
        try {
            evaluate();
        } catch (IOException | RuntimeException e) {
            // the next evaluation tries again; nothing stored was lost
            LOG.error("Evaluating experiments failed: {}", e.toString(), e);
        }
    }

    /** Carries out a decision on the runtime; when that fails the experiment ends STOPPED, saying why. */
    private Experiment act(Experiment e) {
        if (!e.state().isFinal()) {
            return e;
        }
        String model = e.spec().model();
        try {
            switch (e.state()) {
                case PROMOTED -> runtime.activate(model, e.spec().candidateVersion());
                case ROLLED_BACK, INCONCLUSIVE -> runtime.clearCanary(model);
                default -> {
                    // STOPPED by an operator's hand change: leave what they set
                }
            }
        } catch (ModelNotFoundException | ModelLoadException | RuntimeException failed) {
            LOG.error("Experiment {} decided {} but the runtime refused: {}", e.id(), e.state(), failed.toString());
            return e.ended(ExperimentState.STOPPED, e.reason() + ", but that failed: " + failed.getMessage(),
                    e.updatedAt());
        }
        LOG.info("Experiment {} of {} ended {}: {}", e.id(), model, e.state(), e.reason());
        return e;
    }

    private Observation observe(Experiment e) {
        String model = e.spec().model();
        ModelSummary summary = summary(model);
        if (summary == null) {
            return new Observation(null, null, 0, Counts.ZERO, Counts.ZERO, null, null);
        }
        List<VersionMetrics> metrics = events.metrics(model);
        return new Observation(summary.aliases().get(ModelRuntime.LIVE),
                summary.canary() == null ? null : summary.canary().version(),
                summary.canary() == null ? 0 : summary.canary().percent(),
                counts(metrics, e.controlVersion(), ModelRuntime.LIVE, e.spec().metric()),
                counts(metrics, e.spec().candidateVersion(), ScoreResponse.ROUTE_CANARY, e.spec().metric()),
                stats(model, e.controlVersion()), stats(model, e.spec().candidateVersion()));
    }

    private VersionStats stats(String model, String version) {
        try {
            return runtime.info(model, version).stats();
        } catch (ModelNotFoundException | RuntimeException e) {
            return null;
        }
    }

    private ModelSummary summary(String model) {
        return runtime.models().stream().filter(m -> m.name().equals(model)).findFirst().orElse(null);
    }

    private Optional<Experiment> running(String model) {
        return experiments.values().stream().filter(e -> !e.state().isFinal() && e.spec().model().equals(model))
                .findFirst();
    }

    private static Counts counts(List<VersionMetrics> metrics, String version, String route, ExperimentMetric metric) {
        for (VersionMetrics m : metrics) {
            if (m.version().equals(version) && m.route().equals(route)) {
                return new Counts(m.impressions(), metric == ExperimentMetric.CTR ? m.clicks() : m.conversions());
            }
        }
        return Counts.ZERO;
    }

    private static String newId() {
        return "exp-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path karafData() {
        String data = System.getProperty("karaf.data");
        return data == null ? Path.of("data") : Path.of(data);
    }

    @Deactivate
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
