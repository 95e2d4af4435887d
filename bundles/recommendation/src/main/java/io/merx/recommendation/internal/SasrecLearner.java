package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Trains {@link SasrecNetwork} on each user's time-ordered items: every position of a user's latest
 * {@code maxLength + 1} items predicts the next one against a uniformly sampled item the user never had, with Adam.
 * Early stopping as in the paper: each user with three or more items keeps the latest one back for validation
 * (their earlier items train), nDCG@10 on those is measured after every epoch, and the best epoch's weights are kept;
 * training stops after {@code patience} epochs without improvement, after {@code epochs}, or when the time budget
 * is spent. The work of a batch is split over the processors in fixed slices and summed in order, and every random
 * draw comes from the seed, the epoch and the sequence: results do not depend on the thread count.
 */
final class SasrecLearner implements Learner {

    private static final int VALIDATION_USERS = 2_000;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.98;
    private static final double ADAM_EPSILON = 1e-8;

    private final SasrecConfig config;
    private final Map<String, Double> notes = new LinkedHashMap<>();

    SasrecLearner(SasrecConfig config) {
        this.config = config;
    }

    static SasrecLearner of(HyperParameters hp) {
        return new SasrecLearner(SasrecConfig.of(hp));
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        long started = System.nanoTime();
        int[][] sequences = UserSequences.of(data);
        int items = data.itemCount();
        int[] candidates = IntStream.range(0, sequences.length).filter(u -> sequences[u].length >= 3).toArray();
        int[] validation = Evaluator.sample(candidates, VALIDATION_USERS, config.seed());
        boolean[] held = new boolean[sequences.length];
        for (int u : validation) {
            held[u] = true;
        }
        List<int[]> windows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int u = 0; u < sequences.length; u++) {
            int end = sequences[u].length - (held[u] ? 1 : 0);
            if (end >= 2) {
                int start = Math.max(0, end - config.maxLength() - 1);
                windows.add(Arrays.copyOfRange(sequences[u], start, end));
                owners.add(u);
            }
        }
        if (windows.isEmpty()) {
            throw new TrainingException("the sequential kind needs users with at least two items; none has");
        }
        // Similar lengths share a batch, so a batch of short sessions costs little.
        Integer[] order = IntStream.range(0, windows.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Integer.compare(windows.get(a).length, windows.get(b).length));
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int[] batch = new int[Math.min(config.batchSize(), order.length - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = order[from + i];
            }
            batches.add(batch);
        }
        SasrecNetwork net = SasrecNetwork.initial(config.dim(), config.blocks(), config.maxLength(), items,
                new Random(config.seed()));
        int size = net.params.length;
        float[] m = new float[size];
        float[] v = new float[size];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        float[][] grads = new float[threads][size];
        SasrecNetwork.Pass[] passes = new SasrecNetwork.Pass[threads];
        for (int t = 0; t < threads; t++) {
            passes[t] = new SasrecNetwork.Pass(net);
        }
        float[] best = null;
        double bestNdcg = -1;
        int bestEpoch = 0;
        int epoch = 0;
        long step = 0;
        long budgetNanos = config.budgetSeconds() * 1_000_000_000L;
        while (epoch < config.epochs() && epoch - bestEpoch < config.patience()
                && System.nanoTime() - started < budgetNanos) {
            epoch++;
            List<int[]> shuffled = new ArrayList<>(batches);
            java.util.Collections.shuffle(shuffled, new Random(config.seed() * 1_000_003L + epoch));
            double loss = 0;
            for (int[] batch : shuffled) {
                if (context.isCancelled()) {
                    throw new TrainingException("training cancelled in epoch " + epoch);
                }
                float tokens = 0;
                for (int e : batch) {
                    tokens += windows.get(e).length - 1;
                }
                float norm = tokens;
                int currentEpoch = epoch;
                double[] parts = new double[threads];
                IntStream.range(0, threads).parallel().forEach(t -> {
                    float[] g = grads[t];
                    Arrays.fill(g, 0f);
                    for (int i = t; i < batch.length; i += threads) {
                        int e = batch[i];
                        parts[t] += trainOn(passes[t], windows.get(e), sequencesOf(data, owners.get(e)), items, norm,
                                g, new Random(mix(config.seed(), currentEpoch, e)));
                    }
                });
                for (int t = 1; t < threads; t++) {
                    float[] g = grads[t];
                    for (int i = 0; i < size; i++) {
                        grads[0][i] += g[i];
                    }
                }
                for (double part : parts) {
                    loss += part * norm;
                }
                adam(net.params, grads[0], m, v, ++step);
            }
            String bad = net.firstNonFinite();
            if (bad != null) {
                throw new TrainingException("training diverged (" + bad + " is not finite); lower learningRate");
            }
            double ndcg = validationNdcg(net, data, sequences, validation);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                bestEpoch = epoch;
                best = net.params.clone();
            }
            context.progress(Math.min(0.95, (double) epoch / config.epochs()), String.format(Locale.ROOT,
                    "epoch %d: loss %.4f, validation nDCG@10 %.4f (best %.4f, epoch %d)", epoch,
                    loss / Math.max(1, totalTokens(windows)), ndcg, bestNdcg, bestEpoch));
        }
        SasrecNetwork trained = new SasrecNetwork(config.dim(), config.blocks(), config.maxLength(), items, best);
        float[] encodings = new float[sequences.length * config.dim()];
        IntStream.range(0, sequences.length).parallel().forEach(u -> {
            if (sequences[u].length > 0) {
                System.arraycopy(trained.encode(sequences[u], 0, sequences[u].length), 0, encodings,
                        u * config.dim(), config.dim());
            }
        });
        notes.put("sequential.epochs", (double) epoch);
        notes.put("sequential.bestEpoch", (double) bestEpoch);
        notes.put("sequential.validationNdcg@10", bestNdcg);
        notes.put("sequential.validationUsers", (double) validation.length);
        context.progress(1.0, String.format(Locale.ROOT, "sequential: best epoch %d of %d, validation nDCG@10 %.4f",
                bestEpoch, epoch, bestNdcg));
        return ModelData.of(data, new Factors(config.dim(), encodings, trained.itemTable()),
                SequenceModel.of(trained, sequences));
    }

    /** The user's items sorted ascending, for rejecting negatives they had. */
    private static int[] sequencesOf(Interactions data, int user) {
        return Arrays.copyOfRange(data.items, data.userPtr[user], data.userPtr[user + 1]);
    }

    private double trainOn(SasrecNetwork.Pass pass, int[] window, int[] seen, int items, float norm, float[] grad,
            Random random) {
        int len = window.length - 1;
        if (SasrecConfig.SOFTMAX.equals(config.loss())) {
            pass.forward(window, 0, len, config.dropout() > 0 ? random : null, config.dropout());
            return pass.backwardSoftmax(window, softmaxNegatives(items, random), 1, norm, grad);
        }
        int[] negatives = new int[window.length];
        for (int t = 1; t <= len; t++) {
            int n = random.nextInt(items);
            for (int tries = 0; tries < 10 && Arrays.binarySearch(seen, n) >= 0; tries++) {
                n = random.nextInt(items);
            }
            negatives[t] = n;
        }
        pass.forward(window, 0, len, config.dropout() > 0 ? random : null, config.dropout());
        return pass.backward(window, negatives, 1, norm, grad);
    }

    /** Every item when the catalogue is no larger than the sample, else {@code negatives} drawn uniformly. */
    private int[] softmaxNegatives(int items, Random random) {
        if (config.negatives() >= items) {
            return IntStream.range(0, items).toArray();
        }
        int[] sample = new int[config.negatives()];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextInt(items);
        }
        return sample;
    }

    private void adam(float[] params, float[] grad, float[] m, float[] v, long step) {
        double lr = config.learningRate() * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        for (int i = 0; i < params.length; i++) {
            float g = grad[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            params[i] -= (float) (lr * m[i] / (Math.sqrt(v[i]) + ADAM_EPSILON));
        }
    }

    /** nDCG@10 of each validation user's held-back latest item, ranked among the items they did not have. */
    private static double validationNdcg(SasrecNetwork net, Interactions data, int[][] sequences, int[] users) {
        if (users.length == 0) {
            return 0;
        }
        float[] table = net.itemTable();
        double[] gains = new double[users.length];
        IntStream.range(0, users.length).parallel().forEach(i -> {
            int u = users[i];
            int[] seq = sequences[u];
            int target = seq[seq.length - 1];
            float[] h = net.encode(seq, 0, seq.length - 1);
            float targetScore = Ranker.dot(h, table, target * net.dim, net.dim);
            int[] seen = sequencesOf(data, u);
            int rank = 0;
            for (int item = 0; item < net.items && rank < 10; item++) {
                if (item != target && Arrays.binarySearch(seen, item) < 0
                        && Ranker.dot(h, table, item * net.dim, net.dim) > targetScore) {
                    rank++;
                }
            }
            gains[i] = rank < 10 ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
        });
        return Arrays.stream(gains).sum() / users.length;
    }

    private static long totalTokens(List<int[]> windows) {
        long n = 0;
        for (int[] w : windows) {
            n += w.length - 1;
        }
        return n;
    }

    private static long mix(long seed, int epoch, int sequence) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + sequence;
        return h ^ (h >>> 31);
    }

    @Override
    public Map<String, Double> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public String toString() {
        return config.toString();
    }
}
