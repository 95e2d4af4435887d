package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.corenlp.Sentiment;

/**
 * Trains a {@link SentimentHead} on the rows whose sentiment column is filled, on the same inputs as the final
 * intent model, the way {@link IntentTrainer} trains intents: passes and temperature chosen on half of the held-out
 * rows, metrics from the other half, then a refit on every labelled row.
 */
final class SentimentTrainer {

    /** Fewest labelled rows a sentiment head is trained on. */
    static final int MIN_ROWS = 10;

    /** The head and what it measured on held-out rows ({@code sentimentAccuracy}, ...). */
    record Result(SentimentHead head, Map<String, Double> metrics) {
    }

    private SentimentTrainer() {
    }

    /**
     * The labelled rows of a sentiment column, checked before any training starts.
     *
     * @param rows indices of the labelled rows
     * @param names their sentiment class, one of {@link Sentiment#LABELS}
     * @param labels the classes that occur, in {@link Sentiment#LABELS} order
     */
    record Labels(List<Integer> rows, List<String> names, List<String> labels) {
    }

    /**
     * @param values the sentiment column; blank cells are rows without a label
     * @param column its name, for errors
     * @throws IllegalArgumentException naming the column and row of a value that is not a sentiment, or when fewer
     *         than {@value #MIN_ROWS} rows or 2 classes are labelled
     */
    static Labels labels(String[] values, String column) {
        List<Integer> labelled = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                continue;
            }
            String label = SentimentHead.label(values[i]);
            if (label == null) {
                throw new IllegalArgumentException("column '" + column + "' row " + (i + 1) + ": '" + values[i]
                        + "' is not a sentiment; use " + String.join(", ", Sentiment.LABELS)
                        + " or a star rating 1-5 (blank: no label)");
            }
            labelled.add(i);
            names.add(label);
        }
        List<String> labels = Sentiment.LABELS.stream().filter(names::contains).toList();
        if (labelled.size() < MIN_ROWS || labels.size() < 2) {
            throw new IllegalArgumentException("column '" + column + "' needs at least 2 sentiment classes over "
                    + MIN_ROWS + " labelled rows, got " + labels + " over " + labelled.size());
        }
        return new Labels(labelled, names, labels);
    }

    /**
     * @param inputs every row's input to the intent model's head
     * @param inputDimension their length
     */
    static Result train(Labels sentiments, SparseVector[] inputs, int inputDimension, IntentTrainer.Settings s,
            TrainingContext context) throws TrainingException {
        List<Integer> labelled = sentiments.rows();
        List<String> names = sentiments.names();
        List<String> labels = sentiments.labels();
        int n = labelled.size();
        SparseVector[] x = new SparseVector[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = inputs[labelled.get(i)];
            y[i] = labels.indexOf(names.get(i));
        }
        int[] order = IntentTrainer.shuffled(n, s.seed());
        int holdout = Math.max(2, (int) Math.floor(n * s.holdout()));
        int trainRows = n - holdout;
        int[] trainIdx = Arrays.copyOfRange(order, 0, trainRows);
        int[] tuningIdx = Arrays.copyOfRange(order, trainRows, trainRows + holdout / 2);
        int[] evaluationIdx = Arrays.copyOfRange(order, trainRows + holdout / 2, n);
        int classes = labels.size();

        SoftmaxTrainer.PassListener progress = (epoch, loss, accuracy) -> {
            if (context.isCancelled()) {
                throw new TrainingException("cancelled at sentiment epoch " + epoch);
            }
            context.progress(1.0, String.format(Locale.ROOT, "sentiment epoch %d loss %.4f%s", epoch, loss,
                    Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, ", held-out accuracy %.4f", accuracy)));
        };
        SoftmaxTrainer.Fitted tuned = SoftmaxTrainer.fit(x, y, inputDimension, classes, trainIdx, tuningIdx,
                s.epochs(), s.learningRate(), s.l2(), s.seed(), progress);
        double temperature = Calibration.temperatureIfItHelps(IntentTrainer.logits(tuned.head(), x, tuningIdx),
                IntentTrainer.select(y, tuningIdx));

        int[] truth = IntentTrainer.select(y, evaluationIdx);
        int[] predicted = new int[evaluationIdx.length];
        int correct = 0;
        for (int i = 0; i < evaluationIdx.length; i++) {
            predicted[i] = Calibration.argMax(tuned.head().logits(x[evaluationIdx[i]]));
            correct += predicted[i] == truth[i] ? 1 : 0;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("sentimentAccuracy", correct / (double) Math.max(1, evaluationIdx.length));
        metrics.put("sentimentMacroF1", IntentTrainer.macroF1(predicted, truth, classes));
        metrics.put("sentimentEpochs", (double) tuned.epochs());
        metrics.put("sentimentTemperature", temperature);
        metrics.put("sentimentRows", (double) (s.refit() ? n : trainRows));
        metrics.put("sentimentEvaluationRows", (double) evaluationIdx.length);

        LinearHead head = tuned.head();
        if (s.refit()) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            head = SoftmaxTrainer.fit(x, y, inputDimension, classes, all, null, tuned.epochs(), s.learningRate(),
                    s.l2(), s.seed(), progress).head();
        }
        return new Result(new SentimentHead(labels, head, temperature), metrics);
    }
}
