package io.merx.api;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Scores requests with one loaded model version. Thread-safe: the runtime calls it from many request threads
 * at once. Holds native memory until {@link #close()}; the runtime closes it only after in-flight requests on
 * it have finished.
 *
 * <pre>{@code
 * try (Scorer scorer = kind.load(dir)) {
 *     ScoreResult r = scorer.score(ScoreRequest.of(Map.of("x", new double[] {1, 2})));
 *     double y = r.number("score");
 * }
 * }</pre>
 */
@ConsumerType
public interface Scorer extends AutoCloseable {

    /** The inputs this scorer accepts; the runtime validates requests against it before calling score. */
    InputSchema inputSchema();

    /**
     * Scores one request.
     *
     * @throws IllegalArgumentException naming the field when the request is invalid
     * @throws ScoringException when a valid request cannot be scored (closed scorer, numeric failure)
     */
    ScoreResult score(ScoreRequest request) throws ScoringException;

    /**
     * Scores several requests, in order. Implementations override this when batching is cheaper than a loop
     * (one matrix product instead of many).
     */
    default List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        List<ScoreResult> results = new ArrayList<>(requests.size());
        for (ScoreRequest request : requests) {
            results.add(score(request));
        }
        return results;
    }

    /** Off-heap bytes this scorer holds (ND4J buffers), for {@code model:info}; 0 when it holds none. */
    default long nativeMemoryBytes() {
        return 0L;
    }

    /** Frees native memory. Idempotent; later calls to score throw {@link ScoringException}. */
    @Override
    void close();
}
