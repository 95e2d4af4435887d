package io.merx.schedule.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoringException;
import io.merx.api.runtime.ModelNotFoundException;
import io.merx.api.runtime.ModelRuntime;
import io.merx.api.runtime.ScoreResponse;

/**
 * Judges one stored version on held-out events by asking it, through the runtime, for each evaluated user's top
 * K with the user's training items excluded, exactly the request a shop would send. Candidate and live version
 * get the same requests, so their figures compare.
 */
final class Comparison {

    static final int K = 10;
    private static final int BATCH = 200;
    /** The recommendation request's longest list. */
    private static final int MAX_EXCLUDE = 10_000;

    /** A version's averages over the evaluated users. */
    record Figures(double ndcg, double recall, int users) {
    }

    private Comparison() {
    }

    /**
     * Scores a version pinned by number.
     *
     * @param users the users to evaluate, in order
     */
    static Figures evaluate(ModelRuntime runtime, String model, String version, TimeSplit split, List<String> users)
            throws ScoringException, ModelNotFoundException {
        double ndcg = 0;
        double recall = 0;
        for (int from = 0; from < users.size(); from += BATCH) {
            List<String> batch = users.subList(from, Math.min(users.size(), from + BATCH));
            List<ScoreRequest> requests = new ArrayList<>(batch.size());
            for (String user : batch) {
                requests.add(request(user, split.seen().get(user)));
            }
            List<ScoreResponse> responses = runtime.scoreBatch(model, version, requests);
            for (int i = 0; i < batch.size(); i++) {
                List<String> ranked = items(responses.get(i).result().outputs().get("items"));
                Set<String> relevant = split.relevant().get(batch.get(i));
                ndcg += Ranking.ndcg(ranked, relevant, K);
                recall += Ranking.recall(ranked, relevant, K);
            }
        }
        int n = Math.max(1, users.size());
        return new Figures(ndcg / n, recall / n, users.size());
    }

    static ScoreRequest request(String user, Set<String> seen) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("user", user);
        inputs.put("k", (long) K);
        inputs.put("unseenOnly", true);
        // The live version may not know the training part of the events: exclude it explicitly.
        inputs.put("exclude", seen.stream().sorted().limit(MAX_EXCLUDE).toList());
        return ScoreRequest.of(inputs);
    }

    /** Item ids of an {@code items} output: strings, or objects with an {@code item} field. */
    static List<String> items(Object output) {
        List<String> ids = new ArrayList<>();
        if (output instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("item") != null) {
                    ids.add(map.get("item").toString());
                } else if (entry instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
