package io.merx.schedule.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.merx.api.ScoringException;
import io.merx.api.events.EventService;
import io.merx.api.runtime.JobState;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelVersionInfo;
import io.merx.api.runtime.TrainingJob;
import io.merx.api.runtime.TrainingRequest;
import io.merx.api.schedule.RetrainOutcome;
import io.merx.api.schedule.RetrainReport;
import io.merx.api.schedule.RetrainSchedule;

/**
 * One retrain of one model, top to bottom: export the events, split them by time, train a candidate of the live
 * version's kind and hyper-parameters on the older part without activating it, score candidate and live version
 * on the newer part, and activate the candidate only when it is no worse. Every way out is a report; live is
 * touched only by the final activation.
 */
final class RetrainRun {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainRun.class);
    /** The recommendation kinds' names start with this; only they train on user,item,weight,timestamp. */
    static final String RECOMMENDATION_KINDS = "recommendation.";
    /** The events CSV's columns, set on the candidate whatever columns the live version was trained with. */
    private static final Map<String, String> EVENT_COLUMNS = Map.of("userColumn", "user", "itemColumn", "item",
            "weightColumn", "weight", "timestampColumn", "timestamp");

    private final ModelRuntime runtime;
    private final EventService events;
    private final ScheduleSettings settings;
    private final RetrainSchedule schedule;
    private final RetrainReport lastActivated;
    private final Instant startedAt = Instant.now();
    private volatile TrainingJob job;
    /** The version trained by this run, once there is one: a failure after training still names it. */
    private String trained;

    /**
     * @param lastActivated the model's last ACTIVATED report, or null: when its candidate is still live, the run's
     *        split time is known to be where that version's training data ends
     */
    RetrainRun(ModelRuntime runtime, EventService events, ScheduleSettings settings, RetrainSchedule schedule,
            RetrainReport lastActivated) {
        this.runtime = runtime;
        this.events = events;
        this.settings = settings;
        this.schedule = schedule;
        this.lastActivated = lastActivated;
    }

    /** The decision rule: the candidate's nDCG may be at most {@code tolerance} below the live version's. */
    static boolean noWorse(double candidate, double live, double tolerance) {
        return candidate >= live - tolerance;
    }

    /** Stops the candidate's training, if it is running; the run then ends FAILED. */
    void cancel() {
        TrainingJob running = job;
        if (running != null) {
            running.cancel();
        }
    }

    RetrainReport run() {
        String model = schedule.model();
        ModelVersionInfo live;
        try {
            live = runtime.info(model, ModelRuntime.LIVE);
        } catch (ModelNotFoundException | RuntimeException e) {
            return failed(null, null, "the model has no live version to compare with: " + e.getMessage());
        }
        if (!live.kind().startsWith(RECOMMENDATION_KINDS)) {
            return failed(live.version(), null, "live version " + live.version() + " is of kind " + live.kind()
                    + "; only recommendation kinds train on the events log");
        }
        Path work = settings.directory().resolve("work");
        Path trainCsv = null;
        try {
            Files.createDirectories(work);
            List<Interaction> all = EventsExport.read(events, schedule,
                    Files.createTempFile(work, "export-", ".csv"));
            TimeSplit split = TimeSplit.of(all, schedule.holdoutFraction(), liveTrainedUntil(live));
            String tooFew = tooFew(all.size(), split);
            if (tooFew != null) {
                return report(RetrainOutcome.FAILED, live.version(), null, null, null, split, tooFew);
            }
            trainCsv = Files.createTempFile(work, "train-", ".csv");
            EventsExport.write(split.train(), trainCsv);
            trained = train(live, trainCsv);
            List<String> users = sample(split);
            Comparison.Figures candidateFigures = Comparison.evaluate(runtime, model, trained, split, users);
            Comparison.Figures liveFigures = Comparison.evaluate(runtime, model, live.version(), split, users);
            return decide(live.version(), trained, candidateFigures, liveFigures, split);
        } catch (TrainingFailed e) {
            return failed(live.version(), null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(live.version(), trained, "the run was stopped (the scheduler is shutting down)");
        } catch (IOException | ScoringException | ModelNotFoundException | RuntimeException e) {
            LOG.warn("Retrain of {} failed", model, e);
            return failed(live.version(), trained, "the run failed: " + e.getMessage());
        } finally {
            deleteQuietly(trainCsv);
        }
    }

    /**
     * Where the live version's training data ends, when this scheduler trained it; otherwise null, and held-out
     * events may overlap what live learned from, which can only favour keeping live.
     */
    private Instant liveTrainedUntil(ModelVersionInfo live) {
        return lastActivated != null && live.version().equals(lastActivated.candidateVersion())
                ? lastActivated.trainedUntil() : null;
    }

    private String tooFew(int total, TimeSplit split) {
        if (total < settings.minEvents()) {
            return "too few events to retrain: " + total + " of types " + types() + ", at least "
                    + settings.minEvents() + " needed";
        }
        if (split.train().isEmpty() || split.heldOut().isEmpty()) {
            return "no events on one side of the split time " + split.cutoff() + " (" + split.train().size()
                    + " before, " + split.heldOut().size() + " after)";
        }
        if (split.relevant().size() < settings.minEvaluatedUsers()) {
            return "too few users to compare: " + split.relevant().size() + " have held-out items they did not have"
                    + " in training, at least " + settings.minEvaluatedUsers() + " needed";
        }
        return null;
    }

    private String types() {
        return schedule.eventTypes().stream().map(t -> t.wireName()).sorted().toList().toString();
    }

    private String train(ModelVersionInfo live, Path csv) throws InterruptedException, TrainingFailed {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (live.provenance() != null) {
            live.provenance().hyperParameters().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        }
        parameters.putAll(EVENT_COLUMNS);
        TrainingJob started;
        try {
            started = runtime.train(TrainingRequest.builder(schedule.model(), live.kind(), csv)
                    .parameters(parameters).activate(false).build());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TrainingFailed("the candidate could not start training: " + e.getMessage());
        }
        job = started;
        if (!started.await(settings.trainTimeout())) {
            started.cancel();
            throw new TrainingFailed("the candidate did not finish training within " + settings.trainTimeout());
        }
        if (started.state() != JobState.SUCCEEDED || started.resultVersion().isEmpty()) {
            throw new TrainingFailed("training the candidate ended " + started.state() + ": " + started.message());
        }
        return started.resultVersion().get();
    }

    private List<String> sample(TimeSplit split) {
        List<String> users = new ArrayList<>(split.relevant().keySet());
        if (users.size() > settings.maxEvaluatedUsers()) {
            Collections.shuffle(users, new Random(42));
            users = new ArrayList<>(users.subList(0, settings.maxEvaluatedUsers()));
            Collections.sort(users);
        }
        return users;
    }

    private RetrainReport decide(String liveVersion, String candidate, Comparison.Figures candidateFigures,
            Comparison.Figures liveFigures, TimeSplit split) throws ModelNotFoundException {
        String figures = String.format(java.util.Locale.ROOT, "%s %.4f vs live %.4f on %d users",
                RetrainReport.METRIC, candidateFigures.ndcg(), liveFigures.ndcg(), candidateFigures.users());
        if (!noWorse(candidateFigures.ndcg(), liveFigures.ndcg(), schedule.tolerance())) {
            return report(RetrainOutcome.KEPT_LIVE, liveVersion, candidate, candidateFigures, liveFigures, split,
                    "candidate " + candidate + " is worse: " + figures + " (tolerance " + schedule.tolerance()
                            + "); live stays " + liveVersion);
        }
        String now = runtime.info(schedule.model(), ModelRuntime.LIVE).version();
        if (!now.equals(liveVersion)) {
            return report(RetrainOutcome.FAILED, liveVersion, candidate, candidateFigures, liveFigures, split,
                    "live changed from " + liveVersion + " to " + now + " during the run; candidate " + candidate
                            + " was not activated");
        }
        try {
            runtime.activate(schedule.model(), candidate);
        } catch (Exception e) {
            return report(RetrainOutcome.FAILED, liveVersion, candidate, candidateFigures, liveFigures, split,
                    "candidate " + candidate + " was no worse (" + figures + ") but could not be activated: "
                            + e.getMessage());
        }
        return report(RetrainOutcome.ACTIVATED, liveVersion, candidate, candidateFigures, liveFigures, split,
                "candidate " + candidate + " is no worse: " + figures + "; it is live now");
    }

    private RetrainReport failed(String liveVersion, String candidate, String reason) {
        return report(RetrainOutcome.FAILED, liveVersion, candidate, null, null, null, reason);
    }

    private RetrainReport report(RetrainOutcome outcome, String liveVersion, String candidate,
            Comparison.Figures candidateFigures, Comparison.Figures liveFigures, TimeSplit split, String reason) {
        return new RetrainReport(schedule.model(), startedAt, Instant.now(), outcome, liveVersion, candidate,
                RetrainReport.METRIC, candidateFigures == null ? Double.NaN : candidateFigures.ndcg(),
                liveFigures == null ? Double.NaN : liveFigures.ndcg(),
                candidateFigures == null ? Double.NaN : candidateFigures.recall(),
                liveFigures == null ? Double.NaN : liveFigures.recall(), split == null ? 0 : split.train().size(),
                split == null ? 0 : split.heldOut().size(), candidateFigures == null ? 0 : candidateFigures.users(),
                split == null ? null : split.cutoff(), reason);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", file, e);
        }
    }

    /** Training did not give a candidate. */
    private static final class TrainingFailed extends Exception {
        private static final long serialVersionUID = 1L;

        TrainingFailed(String message) {
            super(message);
        }
    }
}
