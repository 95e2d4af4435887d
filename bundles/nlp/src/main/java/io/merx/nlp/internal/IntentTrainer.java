package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/**
 * Trains an {@link IntentModel} in three steps. (1) Fit on the training rows, measuring each epoch on the tuning
 * half of the held-out rows to choose the number of epochs (with embeddings, one head per group of features, fused:
 * {@link HeadFusion}); fit the temperature there too, kept only if it lowers
 * that half's calibration error; with embeddings, choose the out-of-scope threshold (combined score or distance,
 * {@link ScopeRule}) and the combined measure's standardisation there for the stated
 * false-out-of-scope rate (without, the confidence threshold is a setting: on separable data nearly every held-out
 * confidence is 1.0, and a quantile of them would send most real questions to a person).
 * (2) Measure that model on the evaluation half, which chose nothing: these are the metrics. (3) Refit features,
 * head, distance measure and neighbours on every row with the chosen epochs, temperature and threshold, so the
 * held-out rows are not lost to the final model.
 */
final class IntentTrainer {

    private static final int EMBEDDING_BATCH = 256;
    /**
     * Embedding weights tried when the setting is 0 (automatic). AdaGrad's step in a weight does not depend on the
     * scale of its input, so the embedding's scale is the embedding head's effective learning rate; which is best
     * depends on the data, so it is chosen on the tuning rows like the number of epochs.
     */
    static final float[] EMBEDDING_WEIGHTS = {2f, 4f, 8f};

    /** Hyper-parameters of one run. */
    record Settings(int hashBits, int epochs, double learningRate, double l2, double holdout, long seed,
            double falseOutOfScopeRate, double confidenceThreshold, float embeddingWeight, boolean refit,
            String scopeMeasure) {

        Settings withEmbeddingWeight(float weight) {
            return new Settings(hashBits, epochs, learningRate, l2, holdout, seed, falseOutOfScopeRate,
                    confidenceThreshold, weight, refit, scopeMeasure);
        }
    }

    /**
     * The model, what it measured on held-out rows, and every row's input to the final model's head (n-grams and
     * weighted embedding), for heads trained beside it on the same messages.
     */
    record Result(IntentModel model, Map<String, Double> metrics, int[] evaluationRows, SparseVector[] inputs) {
    }

    private IntentTrainer() {
    }

    /**
     * @param embedder the sentence encoder, or null for n-grams only
     */
    static Result train(String[] texts, String[] intents, Settings s, Embedder embedder, TrainingContext context)
            throws TrainingException {
        List<String> labels = new ArrayList<>(new TreeSet<>(Arrays.asList(intents)));
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        labels.forEach(l -> labelIndex.put(l, labelIndex.size()));
        int[] y = new int[intents.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labelIndex.get(intents[i]);
        }
        int[] order = shuffled(texts.length, s.seed());
        int holdout = (int) Math.floor(texts.length * s.holdout());
        if (holdout < 2) {
            throw new IllegalArgumentException("hyper-parameter 'holdout': " + s.holdout() + " of " + texts.length
                    + " rows leaves fewer than 2 held-out rows to choose epochs and threshold on");
        }
        int trainRows = texts.length - holdout;
        int[] trainIdx = Arrays.copyOfRange(order, 0, trainRows);
        int[] tuningIdx = Arrays.copyOfRange(order, trainRows, trainRows + holdout / 2);
        int[] evaluationIdx = Arrays.copyOfRange(order, trainRows + holdout / 2, texts.length);

        long start = System.nanoTime();
        float[][] embeddings = embedder == null ? null : embed(texts, embedder, context);
        double embedSeconds = (System.nanoTime() - start) / 1e9;

        // (1) choose the embedding weight, epochs, the heads' fusion, temperature and threshold on the tuning half
        float[] weights = embeddings != null && s.embeddingWeight() == 0 ? EMBEDDING_WEIGHTS
                : new float[] {s.embeddingWeight() == 0 ? 1f : s.embeddingWeight()};
        Prepared prepared = prepare(texts, y, labels.size(), trainIdx, embeddings, s);
        Fit tuned = fitAndChoose(prepared, y, labels.size(), trainIdx, embeddings, s, weights, tuningIdx,
                new MonotoneProgress(context));
        s = s.withEmbeddingWeight(tuned.embeddingWeight());
        IntentModel model = tuned.headOnly(labels, s, embedder, 1.0);
        double[][] tuningLogits = logits(model.head(), tuned.x(), tuningIdx);
        int[] tuningTruth = select(y, tuningIdx);
        double temperature = Calibration.temperatureIfItHelps(tuningLogits, tuningTruth);
        model = tuned.headOnly(labels, s, embedder, temperature);
        FusedScope.Scale scale = ScopeRule.COMBINED.equals(s.scopeMeasure())
                ? scale(model, tuned, embeddings, tuningIdx) : null;
        model = tuned.model(labels, s, embedder, temperature, scale, Double.NaN);
        double threshold = ScopeRule.CONFIDENCE.equals(s.scopeMeasure()) ? s.confidenceThreshold()
                : threshold(model, tuned.x(), embeddings, tuningIdx, s.falseOutOfScopeRate());
        if (ScopeRule.COMBINED.equals(s.scopeMeasure())) {
            threshold = Math.max(threshold, FusedScope.MIN_THRESHOLD);
        }
        model = tuned.model(labels, s, embedder, temperature, scale, threshold);

        // (2) measure on the evaluation half
        Map<String, Double> metrics = evaluate(model, tuned.x(), embeddings, y, evaluationIdx, labels.size());
        metrics.put("epochs", (double) tuned.epochs().ngrams());
        if (embeddings != null) {
            metrics.put("embeddingEpochs", (double) tuned.epochs().embedding());
            metrics.put("embeddingWeight", (double) s.embeddingWeight());
            metrics.put("ngramWeight", tuned.ngramWeight());
        }
        metrics.put("temperature", temperature);
        metrics.put("outOfScopeThreshold", threshold);
        if (scale != null) {
            metrics.put("scopeConfidenceMean", scale.confidenceMean());
            metrics.put("scopeSimilarityMean", scale.similarityMean());
            metrics.put("scopeConfidenceSd", scale.confidenceSd());
            metrics.put("scopeSimilaritySd", scale.similaritySd());
        }
        metrics.put("trainingRows", (double) (s.refit() ? texts.length : trainRows));
        metrics.put("evaluationRows", (double) evaluationIdx.length);
        metrics.put("intents", (double) labels.size());

        // (3) refit on everything
        SparseVector[] inputs = tuned.x();
        if (s.refit()) {
            int[] all = order.clone();
            Arrays.sort(all);
            Fit full = refit(prepare(texts, y, labels.size(), all, embeddings, s), y, labels.size(), all, embeddings,
                    s, tuned, new MonotoneProgress(context));
            model = full.model(labels, s, embedder, temperature, scale, threshold);
            inputs = full.x();
        }
        context.progress(1.0, String.format(Locale.ROOT, "done in %.1f s (%.1f s embedding): %s",
                (System.nanoTime() - start) / 1e9, embedSeconds, metrics));
        return new Result(model, metrics, evaluationIdx, inputs);
    }

    /** Passes each head took: the n-gram head's, and the embedding head's (0 without embeddings). */
    private record Epochs(int ngrams, int embedding) {
    }

    /**
     * A fitted head (with embeddings, the fused one) with the features, every row's input to it, the distance
     * measure and the embeddings of the rows it saw, and what was chosen on the tuning rows.
     */
    private record Fit(TextFeatures features, SparseVector[] x, LinearHead head, MahalanobisScope detector,
            FusedScope neighbourhood, Epochs epochs, float embeddingWeight, double ngramWeight) {

        /** @param scale the combined measure's standardisation, null for another measure */
        IntentModel model(List<String> labels, Settings s, Embedder embedder, double temperature,
                FusedScope.Scale scale, double threshold) {
            FusedScope fused = scale == null ? null : neighbourhood.withScale(scale);
            return new IntentModel(List.copyOf(labels), features, embedder == null ? null : embedder.model(),
                    s.embeddingWeight(), head, temperature, new ScopeRule(s.scopeMeasure(), detector, fused,
                            threshold));
        }

        /** The head and temperature alone (its scope rule is a placeholder): for logits while choosing. */
        IntentModel headOnly(List<String> labels, Settings s, Embedder embedder, double temperature) {
            return new IntentModel(List.copyOf(labels), features, embedder == null ? null : embedder.model(),
                    s.embeddingWeight(), head, temperature, new ScopeRule(ScopeRule.CONFIDENCE, detector, null,
                            Double.NaN));
        }
    }

    /** Mean and spread of confidence and nearest-neighbour similarity over the (in-scope) tuning rows. */
    private static FusedScope.Scale scale(IntentModel model, Fit fit, float[][] embeddings, int[] rows) {
        FusedScope neighbourhood = fit.neighbourhood();
        // The scale is measured on rows this fit did not see, against the rows it did, as scoring will look.
        double[][] logits = logits(model.head(), fit.x(), rows);
        double[] confidences = new double[rows.length];
        double[] similarities = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] p = Calibration.softmax(logits[i], model.temperature());
            confidences[i] = p[Calibration.argMax(p)];
            similarities[i] = neighbourhood.nearestSimilarity(embeddings[rows[i]], p);
        }
        return FusedScope.Scale.of(confidences, similarities);
    }

    /**
     * What fits on the same rows share whatever the embedding weight: the n-gram features fitted on those rows,
     * every text's n-gram vector, and with embeddings the distance measure and the rows' embeddings (neighbours of
     * the combined measure).
     */
    private record Prepared(TextFeatures features, SparseVector[] ngrams, MahalanobisScope detector,
            FusedScope neighbourhood) {
    }

    private static Prepared prepare(String[] texts, int[] y, int classes, int[] rows, float[][] embeddings,
            Settings s) {
        String[] fitTexts = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            fitTexts[i] = texts[rows[i]];
        }
        TextFeatures features = TextFeatures.fit(s.hashBits(), fitTexts);
        SparseVector[] ngrams = new SparseVector[texts.length];
        for (int i = 0; i < texts.length; i++) {
            ngrams[i] = features.vector(texts[i]);
        }
        MahalanobisScope detector = embeddings == null ? null : MahalanobisScope.fit(embeddings, y, rows, classes);
        FusedScope neighbourhood = null;
        if (embeddings != null && ScopeRule.COMBINED.equals(s.scopeMeasure())) {
            float[][] neighbours = new float[rows.length][];
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                neighbours[i] = embeddings[rows[i]];
                labels[i] = y[rows[i]];
            }
            neighbourhood = FusedScope.grouped(neighbours, labels, classes, new FusedScope.Scale(0, 1, 0, 1));
        }
        return new Prepared(features, ngrams, detector, neighbourhood);
    }

    /**
     * Fits the n-gram head and, with embeddings, one embedding head per weight, each choosing its passes on the
     * tuning rows; then keeps the embedding weight and the n-gram head's weight in the fusion that are most accurate
     * there.
     */
    private static Fit fitAndChoose(Prepared prepared, int[] y, int classes, int[] rows, float[][] embeddings,
            Settings s, float[] weights, int[] tuning, TrainingContext context) throws TrainingException {
        int dimension = prepared.features().dimension();
        List<Callable<SoftmaxTrainer.Fitted>> fits = new ArrayList<>();
        fits.add(() -> fitHead(prepared.ngrams(), dimension, y, classes, rows, tuning, s.epochs(), s, context,
                "n-grams"));
        List<SparseVector[]> embeddingInputs = new ArrayList<>();
        for (float weight : embeddings == null ? new float[0] : weights) {
            SparseVector[] x = embeddingInputs(embeddings, weight);
            embeddingInputs.add(x);
            fits.add(() -> fitHead(x, embeddings[0].length, y, classes, rows, tuning, s.epochs(), s, context,
                    "embedding weight " + weight));
        }
        List<SoftmaxTrainer.Fitted> fitted = runSideBySide(fits);
        SoftmaxTrainer.Fitted ngrams = fitted.get(0);
        if (embeddings == null) {
            return new Fit(prepared.features(), prepared.ngrams(), ngrams.head(), null, null,
                    new Epochs(ngrams.epochs(), 0), weights[0], 1.0);
        }
        // The n-gram head's logits are the same whichever embedding head they are fused with.
        double[][] ngramLogits = logits(ngrams.head(), prepared.ngrams(), tuning);
        int[] truth = select(y, tuning);
        HeadFusion.Choice best = null;
        int bestIndex = -1;
        for (int i = 0; i < weights.length; i++) {
            HeadFusion.Choice choice = HeadFusion.choose(ngramLogits,
                    logits(fitted.get(i + 1).head(), embeddingInputs.get(i), tuning), truth);
            if (best == null || choice.accuracy() > best.accuracy()) {
                best = choice;
                bestIndex = i;
            }
        }
        SoftmaxTrainer.Fitted embedding = fitted.get(bestIndex + 1);
        return fused(prepared, embeddings, ngrams.head(), embedding.head(), weights[bestIndex], best.ngramWeight(),
                new Epochs(ngrams.epochs(), embedding.epochs()));
    }

    /** Fits the chosen heads again on {@code rows} for the chosen passes, and fuses them as chosen. */
    private static Fit refit(Prepared prepared, int[] y, int classes, int[] rows, float[][] embeddings, Settings s,
            Fit tuned, TrainingContext context) throws TrainingException {
        int dimension = prepared.features().dimension();
        List<Callable<SoftmaxTrainer.Fitted>> fits = new ArrayList<>();
        fits.add(() -> fitHead(prepared.ngrams(), dimension, y, classes, rows, null, tuned.epochs().ngrams(), s,
                context, "refit n-grams"));
        if (embeddings != null) {
            SparseVector[] x = embeddingInputs(embeddings, tuned.embeddingWeight());
            fits.add(() -> fitHead(x, embeddings[0].length, y, classes, rows, null, tuned.epochs().embedding(), s,
                    context, "refit embedding"));
        }
        List<SoftmaxTrainer.Fitted> fitted = runSideBySide(fits);
        if (embeddings == null) {
            return new Fit(prepared.features(), prepared.ngrams(), fitted.get(0).head(), null, null, tuned.epochs(),
                    tuned.embeddingWeight(), 1.0);
        }
        return fused(prepared, embeddings, fitted.get(0).head(), fitted.get(1).head(), tuned.embeddingWeight(),
                tuned.ngramWeight(), tuned.epochs());
    }

    private static Fit fused(Prepared prepared, float[][] embeddings, LinearHead ngrams, LinearHead embedding,
            float embeddingWeight, double ngramWeight, Epochs epochs) {
        SparseVector[] x = new SparseVector[prepared.ngrams().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = IntentModel.combine(prepared.ngrams()[i], embeddings[i], prepared.features().dimension(),
                    embeddingWeight);
        }
        return new Fit(prepared.features(), x, HeadFusion.fuse(ngrams, embedding, ngramWeight), prepared.detector(),
                prepared.neighbourhood(), epochs, embeddingWeight, ngramWeight);
    }

    /** Every row's embedding times {@code weight}, as the embedding head's input. */
    private static SparseVector[] embeddingInputs(float[][] embeddings, float weight) {
        SparseVector none = new SparseVector(new int[0], new float[0]);
        SparseVector[] x = new SparseVector[embeddings.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = IntentModel.combine(none, embeddings[i], 0, weight);
        }
        return x;
    }

    /**
     * Runs fits side by side on up to as many threads as there are cores: they share only read-only inputs, and
     * each is deterministic on its own. Returns their results in order.
     */
    private static List<SoftmaxTrainer.Fitted> runSideBySide(List<Callable<SoftmaxTrainer.Fitted>> fits)
            throws TrainingException {
        int threads = Math.min(fits.size(), Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "merx-intent-fit-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<SoftmaxTrainer.Fitted>> futures = new ArrayList<>();
            for (Callable<SoftmaxTrainer.Fitted> fit : fits) {
                futures.add(pool.submit(fit));
            }
            List<SoftmaxTrainer.Fitted> results = new ArrayList<>();
            for (Future<SoftmaxTrainer.Fitted> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("interrupted while fitting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TrainingException t) {
                throw t;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new TrainingException("fitting failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Passes progress on only when it moves forward: heads fitted side by side report out of step. */
    private static final class MonotoneProgress implements TrainingContext {
        private final TrainingContext context;
        private double reported;

        MonotoneProgress(TrainingContext context) {
            this.context = context;
        }

        @Override
        public synchronized void progress(double fraction, String message) {
            if (fraction >= reported) {
                reported = fraction;
                context.progress(fraction, message);
            }
        }

        @Override
        public boolean isCancelled() {
            return context.isCancelled();
        }
    }

    /**
     * Fits one head on {@code rows} of {@code x}; with {@code tuning} rows, chooses the number of passes there
     * ({@link SoftmaxTrainer#fit}), else runs exactly {@code epochs}.
     */
    private static SoftmaxTrainer.Fitted fitHead(SparseVector[] x, int inputs, int[] y, int classes, int[] rows,
            int[] tuning, int epochs, Settings s, TrainingContext context, String name) throws TrainingException {
        double from = tuning == null ? 0.6 : 0.1;
        double to = tuning == null ? 0.95 : 0.6;
        return SoftmaxTrainer.fit(x, y, inputs, classes, rows, tuning, epochs, s.learningRate(), s.l2(), s.seed(),
                (epoch, loss, accuracy) -> {
                    if (context.isCancelled()) {
                        throw new TrainingException("cancelled at epoch " + epoch);
                    }
                    context.progress(from + (to - from) * epoch / epochs,
                            String.format(Locale.ROOT, "%s: epoch %d/%d loss %.4f%s", name, epoch, epochs, loss,
                                    Double.isNaN(accuracy) ? ""
                                            : String.format(Locale.ROOT, ", held-out accuracy %.4f", accuracy)));
                });
    }

    private static float[][] embed(String[] texts, Embedder embedder, TrainingContext context)
            throws TrainingException {
        float[][] out = new float[texts.length][];
        for (int from = 0; from < texts.length; from += EMBEDDING_BATCH) {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled while embedding");
            }
            int to = Math.min(texts.length, from + EMBEDDING_BATCH);
            float[][] batch = embedder.embed(Arrays.asList(texts).subList(from, to));
            System.arraycopy(batch, 0, out, from, batch.length);
            context.progress(0.1 * to / texts.length, "embedded " + to + " of " + texts.length + " messages with "
                    + embedder.model());
        }
        return out;
    }

    /** The distance or combined score beyond which {@code rate} of the (in-scope) tuning messages lie. */
    static double threshold(IntentModel model, SparseVector[] x, float[][] embeddings, int[] rows, double rate) {
        double[][] logits = logits(model.head(), x, rows);
        double[] distances = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            distances[i] = model.scope().value(Calibration.softmax(logits[i], model.temperature()),
                    embeddings[rows[i]]);
        }
        Arrays.sort(distances);
        int k = (int) Math.floor(rate * distances.length);
        return distances[Math.max(0, distances.length - 1 - k)];
    }

    static Map<String, Double> evaluate(IntentModel model, SparseVector[] x, float[][] embeddings, int[] y,
            int[] rows, int classes) {
        double[][] logits = logits(model.head(), x, rows);
        int[] truth = select(y, rows);
        int[] predicted = new int[rows.length];
        int correct = 0;
        int inScope = 0;
        int correctInScope = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] p = Calibration.softmax(logits[i], model.temperature());
            predicted[i] = Calibration.argMax(p);
            correct += predicted[i] == truth[i] ? 1 : 0;
            double value = model.scope().value(p, embeddings == null ? null : embeddings[rows[i]]);
            if (model.scope().inScope(value)) {
                inScope++;
                correctInScope += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", correct / (double) Math.max(1, rows.length));
        metrics.put("macroF1", macroF1(predicted, truth, classes));
        metrics.put("ece", Calibration.expectedCalibrationError(logits, truth, model.temperature()));
        metrics.put("eceUncalibrated", Calibration.expectedCalibrationError(logits, truth, 1.0));
        metrics.put("logLoss", Calibration.logLoss(logits, truth, model.temperature()));
        metrics.put("inScopeRate", inScope / (double) Math.max(1, rows.length));
        metrics.put("inScopeAccuracy", inScope == 0 ? 0 : correctInScope / (double) inScope);
        return metrics;
    }

    /** Mean F1 over the classes that occur in the truth. */
    static double macroF1(int[] predicted, int[] truth, int classes) {
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                tp[truth[i]]++;
            } else {
                fp[predicted[i]]++;
                fn[truth[i]]++;
            }
        }
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (tp[c] + fn[c] > 0) {
                present++;
                double precision = tp[c] + fp[c] == 0 ? 0 : tp[c] / (double) (tp[c] + fp[c]);
                double recall = tp[c] / (double) (tp[c] + fn[c]);
                f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
        }
        return f1Sum / Math.max(1, present);
    }

    static double[][] logits(IntentHead head, SparseVector[] x, int[] rows) {
        double[][] logits = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            logits[i] = head.logits(x[rows[i]]);
        }
        return logits;
    }

    static int[] select(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
