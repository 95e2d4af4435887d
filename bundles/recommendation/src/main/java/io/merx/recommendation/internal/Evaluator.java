package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Offline evaluation on a {@link Split}: for each evaluated user, the top K items among those the user did not
 * have in training, scored by the model (factors, item neighbours, or training popularity), compared with the
 * user's held-out items. The same code judges Merx, the popularity baseline and, in the benchmark, Spark's
 * factors.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates factors trained on {@code split.train()}.
     *
     * @param factors factors indexed like the split's users and items, or null for the popularity baseline
     * @param k list length
     * @param maxUsers evaluate at most this many users (a seeded sample), 0 for all
     * @param prefix put in front of every metric name
     */
    public static Map<String, Double> evaluate(Split split, Factors factors, int k, int maxUsers, long seed,
            String prefix) {
        return evaluate(split, ModelData.of(split.train(), factors, 0, 0, false), k, maxUsers, seed, prefix);
    }

    /**
     * Evaluates any model trained on {@code split.train()}: factors, item neighbours or popularity, with the
     * model's popularity fallback for users with few items.
     */
    static Map<String, Double> evaluate(Split split, ModelData model, int k, int maxUsers, long seed,
            String prefix) {
        int[] users = sample(split.evaluableUsers(), maxUsers, seed);
        int[][] lists = new int[users.length][];
        IntStream.range(0, users.length).parallel().forEach(i -> lists[i] = topK(model, users[i], k));
        RankingMetrics metrics = new RankingMetrics(k, model.itemCount());
        for (int i = 0; i < users.length; i++) {
            metrics.add(lists[i], lists[i].length, split.test()[users[i]]);
        }
        Map<String, Double> summary = metrics.summary(prefix);
        summary.put(prefix + "evalUsers", (double) metrics.users());
        return summary;
    }

    /** The user's top K unseen items, as the scorer would rank them for a known user. */
    static int[] topK(ModelData model, int user, int k) {
        int[] seen = Arrays.copyOfRange(model.seenItems, model.seenPtr[user], model.seenPtr[user + 1]);
        Filter filter = new Filter(seen, null, null);
        TopK top = new TopK(k);
        if (seen.length < model.fallbackBelow) {
            Ranker.popular(model, filter, top, k);
        } else if (model.neighbours != null) {
            Ranker.scanScores(model, Ranker.itemScores(model, seen, seen.length), filter, top);
        } else if (model.factors != null) {
            Ranker.scan(model, model.factors.items(), Ranker.row(model.factors.users(), user, model.rank()), filter,
                    top);
        } else {
            Ranker.popular(model, filter, top, k);
        }
        int[] items = new int[top.size()];
        top.drainBestFirst(items, new float[items.length]);
        return items;
    }

    static int[] sample(int[] users, int max, long seed) {
        if (max <= 0 || users.length <= max) {
            return users;
        }
        int[] copy = users.clone();
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] chosen = Arrays.copyOf(copy, max);
        Arrays.sort(chosen);
        return chosen;
    }
}
