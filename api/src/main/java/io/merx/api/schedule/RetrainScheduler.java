package io.merx.api.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.merx.api.runtime.ModelNotFoundException;

/**
 * Retrains recommendation models from the events log on a cron schedule. A run exports the events, holds out
 * the newest ones, trains a candidate of the live version's kind and hyper-parameters on the older ones without
 * activating it, scores the candidate and the live version on the held-out events, and activates the candidate
 * only when its nDCG@10 is no worse than the live version's minus the tolerance. Schedules and the last runs'
 * reports are stored and survive a restart. One run at a time per model.
 *
 * <pre>{@code
 * scheduler.schedule(RetrainSchedule.of("recs", "0 3 * * *"));
 * RetrainReport report = scheduler.runNow("recs");
 * System.out.println(report.outcome() + ": " + report.reason());
 * }</pre>
 *
 * @since 1.0
 */
@ProviderType
public interface RetrainScheduler {

    /**
     * Sets (or replaces) the schedule of a model.
     *
     * @return the schedule as stored
     * @throws IllegalArgumentException naming the field: a cron expression that does not parse (saying why), or a
     *         model whose live version is not of a recommendation kind
     * @throws ModelNotFoundException when the model has no live version
     */
    RetrainSchedule schedule(RetrainSchedule schedule) throws ModelNotFoundException;

    /**
     * Removes the schedule of a model; a run in progress finishes.
     *
     * @return whether there was one
     */
    boolean unschedule(String model);

    /** The schedule of a model, if it has one. */
    Optional<RetrainSchedule> schedule(String model);

    /** Every schedule, by model name. */
    List<RetrainSchedule> schedules();

    /** When the schedule of a model fires next, empty when it has none (or its cron never fires again). */
    Optional<Instant> nextRun(String model);

    /**
     * Runs the retrain of a scheduled model now, in the calling thread, and returns its report; a failed run is a
     * report with outcome {@link RetrainOutcome#FAILED}, not an exception.
     *
     * @throws IllegalArgumentException when the model has no schedule
     * @throws IllegalStateException when a run of this model is in progress
     */
    RetrainReport runNow(String model);

    /** The reports of the last runs of a model, newest first (the store keeps a bounded number). */
    List<RetrainReport> reports(String model);
}
