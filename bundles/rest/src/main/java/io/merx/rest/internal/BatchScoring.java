package io.merx.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ModelUnavailableException;
import io.merx.api.runtime.ScoreResponse;
import io.merx.api.runtime.VersionStats;

/**
 * Scores a batch in slices, so a request past its time limit stops between items instead of running on for
 * nobody. The first slice is one item (it loads the version when cold); later slices are sized from the time per
 * item so far to take about {@link #SLICE_NANOS}, so fast vectorised scorers still get large slices and slow ones
 * (NLP) go item by item. Later slices are pinned to the version that answered the first, so one version scores
 * the whole batch, as the API promises.
 */
final class BatchScoring {

    /** How long one slice should take: short enough to stop soon, long enough to keep batching cheap. */
    static final long SLICE_NANOS = 20_000_000L;
    /** Versions with fewer requests than this have no latency figure to judge a batch by. */
    private static final long MIN_REQUESTS_FOR_ESTIMATE = 20;

    private BatchScoring() {
    }

    /**
     * Refuses up front a batch that the model's median time per item says cannot finish within the timeout,
     * rather than let it run into the timeout and be thrown away.
     */
    static void requireFits(ModelRuntime runtime, String model, String version, int items, Duration timeout,
            String field) throws ApiException {
        if (timeout.isZero() || items < 2) {
            return;
        }
        VersionStats stats;
        try {
            stats = runtime.info(model, version).stats();
        } catch (ModelNotFoundException e) {
            return; // scoring says what is missing, as it would without a time limit
        }
        if (stats.requests() < MIN_REQUESTS_FOR_ESTIMATE || stats.p50Millis() <= 0) {
            return;
        }
        double needMillis = stats.p50Millis() * items;
        if (needMillis > timeout.toMillis()) {
            long fit = Math.max(1, (long) (timeout.toMillis() / stats.p50Millis() / 2));
            throw ApiException.tooLarge(String.format(java.util.Locale.ROOT, "a batch of %d instances needs about"
                    + " %.0f ms at this model's median of %.1f ms per instance, more than its request timeout of"
                    + " %d ms; send at most %d instances per request", items, needMillis, stats.p50Millis(),
                    timeout.toMillis(), fit), field);
        }
    }

    /** Scores the batch, stopping between slices once the request is cancelled. */
    static List<ScoreResponse> score(ModelRuntime runtime, String model, String version, List<ScoreRequest> requests,
            Cancellation cancellation) throws ScoringException, ModelNotFoundException {
        List<ScoreResponse> responses = new ArrayList<>(requests.size());
        long start = System.nanoTime();
        responses.addAll(runtime.scoreBatch(model, version, requests.subList(0, 1)));
        String answeredBy = responses.get(0).version();
        String route = responses.get(0).route();
        while (responses.size() < requests.size()) {
            if (cancellation.isCancelled()) {
                throw new ModelUnavailableException("cancelled after " + responses.size() + " of "
                        + requests.size() + " instances: the request timed out");
            }
            if (!runtime.ready(model, answeredBy)) {
                // Pinning a version a swap just retired would load it again; refuse rather than revive it.
                throw new ModelUnavailableException("version " + answeredBy + " of " + model
                        + " was replaced while the batch was scored; retry");
            }
            long perItem = Math.max(1, (System.nanoTime() - start) / responses.size());
            int size = (int) Math.max(1, Math.min(requests.size() - responses.size(), SLICE_NANOS / perItem));
            List<ScoreRequest> slice = requests.subList(responses.size(), responses.size() + size);
            cancellation.scoring();
            List<ScoreResponse> scored;
            try {
                scored = runtime.scoreBatch(model, answeredBy, slice);
            } finally {
                cancellation.loading();
            }
            for (ScoreResponse response : scored) {
                responses.add(new ScoreResponse(model, answeredBy, route, response.result()));
            }
        }
        return responses;
    }
}
