package io.merx.recommendation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.HyperParameters;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * The automatic choice: splits the data it is given (each user's latest item held out, as the trainer's
 * {@code leave-last-out}), fits every candidate on the rest and keeps the one with the best validation nDCG@K.
 * Candidates, in this order: popularity; item-kNN with shrinkage 0, 10 and 50; EASE with lambda 10, 100 and 500;
 * ALS with the ALS kind's defaults; then, when {@code deepCandidates} is on and the budget is not spent,
 * LightGCN and SASRec with their kinds' defaults; then the rest of the ALS coordinate search: the weighting
 * (binary, log, linear), then alpha, then lambda, then rank, each step keeping the best so far, until
 * {@code alsTrials} settings or the time budget are spent (popularity, item-kNN, EASE and ALS are each tried once
 * whatever the budget). The winner then gets a popularity fallback for users with fewer than T items when that
 * lifts the validation figure (T from 1, 2, 3, 5, 10).
 *
 * <p>The trainer calls {@link #fit} first on its own training part, then fits {@link #chosen()} on all data: the
 * search never sees the trainer's test items, so the trainer's figures are honest held-out figures of the whole
 * procedure. Deterministic for a seed while the budget is not reached (then it depends on the machine's speed;
 * the provenance says how many settings the budget left out).
 */
final class AutoLearner implements Learner {

    private static final int[] THRESHOLDS = {1, 2, 3, 5, 10};
    /** Candidates of a full search, for progress: popularity, 3 item-kNN, 3 EASE, 2 deep, 9 ALS. */
    private static final double CANDIDATES = 18;
    /** The deep kinds' default {@code budgetSeconds}: the most a deep candidate gets, and a deep winner's refit. */
    private static final int DEEP_BUDGET_SECONDS = 60;

    private final HyperParameters hp;
    private final int k;
    private Learner chosen;
    private final Map<String, Double> notes = new LinkedHashMap<>();
    /** The learner a deep candidate is refitted with when it wins. */
    private final Map<Learner, Learner> refits = new java.util.IdentityHashMap<>();

    AutoLearner(HyperParameters hp) {
        this.hp = hp;
        this.k = hp.getInt("evalK");
    }

    @Override
    public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
        long deadline = System.nanoTime() + hp.getInt("budgetSeconds") * 1_000_000_000L;
        notes.clear();
        refits.clear();
        Split split = Split.leaveLastOut(data);
        int[] users = Evaluator.sample(split.evaluableUsers(), hp.getInt("evalUsers"), hp.getLong("seed"));
        if (users.length == 0) {
            // Nothing to judge by: no user has two items. Popularity is what such data supports.
            notes.put("chosen: popularity (no user with two items to validate on)", 0.0);
            chosen = new PopularityLearner();
            return chosen.fit(data, context);
        }
        Search search = new Search(split, users, context, deadline);
        search.tryCandidate(new PopularityLearner(), true);
        for (double shrinkage : new double[] {0, 10, 50}) {
            search.tryCandidate(new ItemKnn(100, shrinkage), shrinkage == 0);
        }
        for (double lambda : new double[] {10, 100, 500}) {
            search.tryCandidate(new Ease(lambda, hp.getInt("maxItems")), lambda == 10);
        }
        searchAls(search, deadline);
        Trial best = search.best;
        double[] popular = search.popularity.perUser;
        int threshold = 0;
        double withFallback = best.ndcg;
        if (!(best.learner instanceof PopularityLearner)) {
            for (int t : THRESHOLDS) {
                double sum = 0;
                for (int u = 0; u < users.length; u++) {
                    sum += split.train().degree(users[u]) < t ? popular[u] : best.perUser[u];
                }
                double ndcg = sum / users.length;
                notes.put(String.format(Locale.ROOT, "validation ndcg@%d: %s, popularity below %d items", k,
                        best.learner, t), ndcg);
                if (ndcg > withFallback + 1e-12) {
                    withFallback = ndcg;
                    threshold = t;
                }
            }
        }
        notes.put("chosen: " + best.learner + (threshold > 0 ? ", popularity below " + threshold + " items" : ""),
                withFallback);
        notes.put("chosen.fallbackBelow", (double) threshold);
        notes.put("search.candidates", (double) search.trials.size());
        notes.put("search.skippedByBudget", (double) search.skipped);
        context.progress(0.95, String.format(Locale.ROOT, "chose %s%s: validation ndcg@%d %.4f (popularity %.4f)",
                best.learner, threshold > 0 ? " + popularity below " + threshold + " items" : "", k, withFallback,
                search.popularity.ndcg));
        // A deep winner is refitted with its kind's own budget: cut to the search's share, a refit on a busy
        // machine could stop epochs earlier than the fit that won.
        Learner winner = refits.getOrDefault(best.learner, best.learner);
        chosen = threshold > 0 ? new WithFallback(winner, threshold) : winner;
        return chosen.fit(data, new RecommendationTrainer.Stage(context, 0.95, 1.0, "refit on validation data: "));
    }

    /**
     * Coordinate search over the ALS settings, starting from the ALS kind's defaults, with the deep candidates
     * after the first setting: a default ALS is cheap and a reference, the deep ones may beat the whole search.
     */
    private void searchAls(Search search, long deadline) throws TrainingException {
        int trials = hp.getInt("alsTrials");
        AlsSetting current = new AlsSetting(Weighting.LINEAR, 16, 0.1, 10);
        double currentNdcg = Double.NEGATIVE_INFINITY;
        int tried = 0;
        boolean first = true;
        for (int step = 0; step < 4; step++) {
            List<AlsSetting> options = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                options.add(switch (step) {
                    case 0 -> current.weighting(Weighting.ALL.get((i + 2) % 3)); // binary, linear, log
                    case 1 -> current.alpha(new double[] {1, 10, 40}[i]);
                    case 2 -> current.regularisation(new double[] {0.01, 0.1, 1}[i]);
                    default -> current.rank(new int[] {16, 32, 64}[i]);
                });
            }
            AlsSetting bestOfStep = current;
            for (AlsSetting setting : options) {
                if (tried >= trials || (setting.equals(current) && currentNdcg > Double.NEGATIVE_INFINITY)) {
                    continue;
                }
                Trial trial = search.tryCandidate(new AlsLearner(setting.config(hp), setting.weighting()), first);
                if (first && hp.getBoolean("deepCandidates")) {
                    tryDeep(search, deadline);
                }
                first = false;
                if (trial == null) {
                    continue;
                }
                tried++;
                if (trial.ndcg > currentNdcg) {
                    currentNdcg = trial.ndcg;
                    bestOfStep = setting;
                }
            }
            current = bestOfStep;
        }
    }

    /**
     * LightGCN, then SASRec, with their kinds' defaults, while the budget lasts. Each gets a quarter of the time
     * left (at most its kind's default 60 s): it fits twice inside (epoch search, refit), and twice more when it
     * wins, so the whole search stays near {@code budgetSeconds}.
     */
    private void tryDeep(Search search, long deadline) throws TrainingException {
        for (boolean graph : new boolean[] {true, false}) {
            long left = (deadline - System.nanoTime()) / 1_000_000_000L;
            if (left < 4) {
                search.skipped++;
                continue;
            }
            Learner learner = deep(graph, (int) Math.min(DEEP_BUDGET_SECONDS, left / 4));
            refits.put(learner, deep(graph, DEEP_BUDGET_SECONDS));
            search.tryCandidate(learner, false);
        }
    }

    /** LightGCN or SASRec with its kind's defaults and the given time budget per fit. */
    private Learner deep(boolean graph, int budgetSeconds) {
        Map<String, Object> given = Map.of("seed", hp.getLong("seed"), "evalK", k, "budgetSeconds", budgetSeconds);
        return graph ? GraphLearner.of(HyperParameters.of(RecommendationParameters.with(GraphParameters.ALL), given))
                : SasrecLearner.of(HyperParameters.of(
                        RecommendationParameters.with(RecommendationParameters.SEQUENTIAL), given));
    }

    @Override
    public Map<String, Double> notes() {
        Map<String, Double> all = new LinkedHashMap<>(notes);
        if (chosen != null) {
            all.putAll(chosen.notes());
        }
        return all;
    }

    /** The learner the last {@link #fit} chose, with its fallback: fitting it applies the choice to new data. */
    @Override
    public Learner chosen() {
        if (chosen == null) {
            throw new IllegalStateException("nothing chosen yet: fit first");
        }
        return chosen;
    }

    @Override
    public String toString() {
        return "auto";
    }

    /** One ALS setting of the search. */
    private record AlsSetting(String weighting, int rank, double regularisation, double alpha) {

        AlsSetting weighting(String w) {
            return new AlsSetting(w, rank, regularisation, alpha);
        }

        AlsSetting rank(int r) {
            return new AlsSetting(weighting, r, regularisation, alpha);
        }

        AlsSetting regularisation(double l) {
            return new AlsSetting(weighting, rank, l, alpha);
        }

        AlsSetting alpha(double a) {
            return new AlsSetting(weighting, rank, regularisation, a);
        }

        AlsConfig config(HyperParameters hp) {
            return new AlsConfig(rank, hp.getInt("iterations"), regularisation, alpha, true, AlsConfig.CG, 3,
                    hp.getLong("seed"), hp.getInt("threads"));
        }
    }

    /** A candidate's validation figure, overall and per evaluated user. */
    private record Trial(Learner learner, double ndcg, double[] perUser) {
    }

    /** The candidates tried so far on one validation split, and the best of them. */
    private final class Search {

        final Split split;
        final int[] users;
        final TrainingContext context;
        final long deadline;
        final List<Trial> trials = new ArrayList<>();
        Trial best;
        Trial popularity;
        int skipped;

        Search(Split split, int[] users, TrainingContext context, long deadline) {
            this.split = split;
            this.users = users;
            this.context = context;
            this.deadline = deadline;
        }

        /**
         * Fits and judges one candidate, unless the budget is spent and it is not its family's first.
         *
         * @return the trial, or null when skipped
         */
        Trial tryCandidate(Learner learner, boolean firstOfFamily) throws TrainingException {
            if (context.isCancelled()) {
                throw new TrainingException("training cancelled while choosing a model");
            }
            if (!firstOfFamily && System.nanoTime() > deadline) {
                skipped++;
                return null;
            }
            int n = trials.size();
            double at = Math.min(0.9, 0.9 * n / CANDIDATES);
            ModelData model = learner.fit(split.train(), new RecommendationTrainer.Stage(context, at,
                    Math.min(0.9, 0.9 * (n + 1) / CANDIDATES), "candidate " + (n + 1) + " " + learner + ": "));
            double[] perUser = perUserNdcg(model);
            double ndcg = Arrays.stream(perUser).sum() / perUser.length;
            Trial trial = new Trial(learner, ndcg, perUser);
            trials.add(trial);
            notes.put(String.format(Locale.ROOT, "validation ndcg@%d: %s", k, learner), ndcg);
            if (learner instanceof PopularityLearner) {
                popularity = trial;
            }
            // Strictly better only: on a tie the earlier, simpler candidate stays.
            if (best == null || ndcg > best.ndcg + 1e-12) {
                best = trial;
            }
            context.progress(Math.min(0.9, 0.9 * (n + 1) / CANDIDATES), String.format(Locale.ROOT,
                    "candidate %d %s: validation ndcg@%d %.4f (best so far %s %.4f)", n + 1, learner, k, ndcg,
                    best.learner, best.ndcg));
            return trial;
        }

        private double[] perUserNdcg(ModelData model) {
            double[] out = new double[users.length];
            java.util.stream.IntStream.range(0, users.length).parallel().forEach(i -> {
                int[] list = Evaluator.topK(model, users[i], k);
                int[] relevant = split.test()[users[i]];
                double dcg = 0;
                for (int r = 0; r < list.length; r++) {
                    if (Arrays.binarySearch(relevant, list[r]) >= 0) {
                        dcg += 1 / (Math.log(r + 2) / Math.log(2));
                    }
                }
                double idcg = 0;
                for (int r = 0; r < Math.min(relevant.length, k); r++) {
                    idcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
                out[i] = dcg / idcg;
            });
            return out;
        }
    }

    /** A learner whose models answer users with fewer than {@code threshold} items from popularity. */
    private record WithFallback(Learner inner, int threshold) implements Learner {

        @Override
        public ModelData fit(Interactions data, TrainingContext context) throws TrainingException {
            return inner.fit(data, context).withFallbackBelow(threshold);
        }

        @Override
        public Map<String, Double> notes() {
            return inner.notes();
        }

        @Override
        public String toString() {
            return inner + ", popularity below " + threshold + " items";
        }
    }
}
