package io.merx.recommendation.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.recommendation.internal.graph.LightGcn;
import io.merx.recommendation.internal.graph.LightGcnConfig;

/**
 * Learns LightGCN embeddings ({@link LightGcn}) and keeps them as {@link Factors}: scoring a known user is then the
 * same dot-product scan as ALS, with the same filters and {@link TopK}.
 *
 * <p>Early stopping needs held-out interactions inside the data it is given: the latest item of a seeded sample of
 * at most {@code validationUsers} users (with two items or more) leaves the graph while a first run judges each
 * check by nDCG@{@code evalK}. That run only chooses the epoch count: the embeddings kept are those of a second
 * run on all the data for that many epochs (same seed), since the held-out latest items are edges that matter
 * (on sparse diginetica, keeping the first run's embeddings cost a quarter of the held-out nDCG).
 */
final class GraphLearner implements Learner {

    private final LightGcnConfig config;
    private final int validationUsers;
    private final int k;
    private final Map<String, Double> notes = new LinkedHashMap<>();

    GraphLearner(LightGcnConfig config, int validationUsers, int k) {
        this.config = config;
        this.validationUsers = validationUsers;
        this.k = k;
        if (validationUsers < 1) {
            throw new IllegalArgumentException("hyper-parameter 'validationUsers' must be >= 1, got "
                    + validationUsers);
        }
    }

    static GraphLearner of(HyperParameters hp) {
        return new GraphLearner(new LightGcnConfig(hp.getInt("dimension"), hp.getInt("layers"),
                hp.getDouble("learningRate"), hp.getDouble("l2"), hp.getInt("batchSize"), hp.getInt("epochs"),
                hp.getInt("evalEvery"), hp.getInt("patience"), hp.getInt("budgetSeconds"), hp.getLong("seed")),
                hp.getInt("validationUsers"), hp.getInt("evalK"));
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        Split validation = validationSplit(data);
        Interactions train = validation.train();
        int[] users = validation.evaluableUsers();
        LightGcn.Validation judge = (u, i) -> Evaluator.evaluate(validation, new Factors(config.dimension(), u, i), k,
                0, config.seed(), "").get("ndcg@" + k);
        notes.clear();
        LightGcn.Result result;
        try {
            int epochs = config.maxEpochs();
            if (users.length > 0) {
                LightGcn.Result search = new LightGcn(config).train(data.userCount(), data.itemCount(),
                        train.userPtr, train.items, judge, listener(context, 0, 0.6, "choosing the epoch count: "));
                epochs = search.bestEpoch();
                notes.put("epochs", (double) search.epochs());
                notes.put(String.format(Locale.ROOT, "validation ndcg@%d", k), search.validation());
            }
            // Without a user of two items there is nothing to stop on: all `epochs` run. Otherwise the held-out
            // edges are the users' latest items, which matter most on sparse data: the final embeddings are
            // learned again on all the data, for the epoch count validation chose, same seed.
            result = new LightGcn(config.exactly(epochs)).train(data.userCount(), data.itemCount(), data.userPtr,
                    data.items, (u, i) -> 0, listener(context, users.length > 0 ? 0.6 : 0, 1, "all data: "));
            notes.put("bestEpoch", (double) epochs);
        } catch (LightGcn.Cancelled e) {
            throw new TrainingException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        notes.put("trainingLoss", result.loss());
        notes.put("validationUsers", (double) users.length);
        Factors factors = new Factors(config.dimension(), result.users(), result.items());
        String bad = factors.firstNonFinite();
        if (bad != null) {
            throw new TrainingException("LightGCN produced a non-finite " + bad + "; lower learningRate");
        }
        // Seen items come from all the data: a validation item is the user's, whatever the embeddings missed.
        return new ModelData(data.userIds, data.itemIds, data.itemCategory, data.categories, data.itemDegrees(),
                data.userPtr, data.items, data.weights, factors, 0, 0, false, null, Method.GRAPH, 0);
    }

    private static LightGcn.Listener listener(TrainingContext context, double from, double to, String prefix) {
        return new LightGcn.Listener() {
            @Override
            public void progress(double fraction, String message) {
                context.progress(from + (to - from) * fraction, prefix + message);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
    }

    /** Each sampled user's latest item held out, as {@link Split#leaveLastOut}, for a sample of users only. */
    private Split validationSplit(Interactions data) {
        Split all = Split.leaveLastOut(data);
        int[] sampled = Evaluator.sample(all.evaluableUsers(), validationUsers, config.seed());
        boolean[] keep = new boolean[data.size()];
        Arrays.fill(keep, true);
        int[][] test = new int[data.userCount()][];
        Arrays.fill(test, new int[0]);
        for (int user : sampled) {
            int item = all.test()[user][0];
            for (int p = data.userPtr[user]; p < data.userPtr[user + 1]; p++) {
                if (data.items[p] == item) {
                    keep[p] = false;
                }
            }
            test[user] = all.test()[user];
        }
        return new Split(data.keep(keep), test);
    }

    @Override
    public Map<String, Double> notes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
