package io.merx.nlp.internal;

import java.util.Arrays;

/**
 * How unlike the known intents a message is, from two signals that fail differently: the calibrated confidence of
 * the best intent (low when the message sits between intents) and the cosine similarity of the message's embedding
 * to its nearest training message (low when nothing like it was ever seen, even when the head is confidently wrong).
 * Each is standardised by its mean and spread over held-out in-scope messages and the two are added; higher means
 * more out of scope. Nothing is fitted on out-of-scope examples, which a shop rarely has.
 *
 * <p>Why this pair: in a leave-10-intents-out simulation inside Banking77's training data it beat confidence alone,
 * nearest-neighbour similarity alone, the Mahalanobis distance and logistic combinations with those (see
 * docs/benchmarks/nlp.md).
 *
 * <p>With the training messages grouped by intent ({@code classStarts}), the nearest one is looked for among the
 * {@link #SCANNED_INTENTS} most probable intents' messages only: about 4 % of a Banking77 model's 10,003. A scan of
 * all of them took about 1 ms a message, half or more of the scorer's time with the int8 encoder (297 messages/s
 * per core before, 580-899 after). On
 * Banking77 with 10 intents held out, the nearest message was the same one for 98.5 % of in-scope test messages and
 * the fused measure's AUROC was unchanged (0.9215 against 0.9212 for the full scan, docs/benchmarks/nlp.md). Models
 * saved before the grouping scan everything.
 *
 * @param dimension embedding length
 * @param neighbours unit-length embeddings of the training messages, row-major {@code [rows][dimension]}
 * @param classStarts where each intent's messages start in {@code neighbours} (in rows), one per intent and then
 *     the row count; null when the messages are not grouped
 * @param scale means and spreads of both signals over held-out in-scope messages
 */
record FusedScope(int dimension, float[] neighbours, int[] classStarts, Scale scale) {

    /** How many of the most probable intents' training messages are searched for the nearest one. */
    static final int SCANNED_INTENTS = 3;

    /**
     * Lowest threshold a model uses: a message within 3 summed standard deviations of the held-out in-scope ones is
     * never called out of scope. On templated training data (the demo) every held-out message has a near-copy among
     * the training messages, so the 95th percentile of their scores understates how much real in-scope messages
     * differ ("Hi, where is my order #482913? I ordered it on March 3, 2026 and paid $59.90." scores 2.3 against a
     * percentile of 1.7 there). On Banking77 the percentile is 3.6-3.8, so the floor does not bind.
     */
    static final double MIN_THRESHOLD = 3.0;

    /** Mean and standard deviation of the confidence and of the nearest-neighbour similarity. */
    record Scale(double confidenceMean, double confidenceSd, double similarityMean, double similaritySd) {

        Scale {
            if (!(confidenceSd > 0) || !(similaritySd > 0)) {
                throw new IllegalArgumentException("spreads must be positive, got " + confidenceSd + " and "
                        + similaritySd);
            }
        }

        /**
         * Smallest spreads used. On nearly separable data (templated demo messages) every held-out confidence is
         * about 1.0; dividing by that spread would make a confidence of 0.9 look like an alarm. A spread this
         * narrow says the held-out messages were all easy, not that a little less is abnormal.
         */
        static final double MIN_CONFIDENCE_SD = 0.1;
        static final double MIN_SIMILARITY_SD = 0.05;

        /** The means and spreads of held-out values, the spreads at least the minimums above. */
        static Scale of(double[] confidences, double[] similarities) {
            return new Scale(mean(confidences), Math.max(MIN_CONFIDENCE_SD, sd(confidences)), mean(similarities),
                    Math.max(MIN_SIMILARITY_SD, sd(similarities)));
        }

        private static double mean(double[] v) {
            double sum = 0;
            for (double x : v) {
                sum += x;
            }
            return sum / Math.max(1, v.length);
        }

        private static double sd(double[] v) {
            double m = mean(v);
            double sum = 0;
            for (double x : v) {
                sum += (x - m) * (x - m);
            }
            return Math.sqrt(sum / Math.max(1, v.length));
        }
    }

    FusedScope {
        if (dimension <= 0 || neighbours.length == 0 || neighbours.length % dimension != 0) {
            throw new IllegalArgumentException("neighbour embeddings hold " + neighbours.length
                    + " values, which do not fit the dimension " + dimension);
        }
        if (classStarts != null) {
            int rows = neighbours.length / dimension;
            boolean ordered = classStarts.length >= 2 && classStarts[0] == 0
                    && classStarts[classStarts.length - 1] == rows;
            for (int c = 1; ordered && c < classStarts.length; c++) {
                ordered = classStarts[c] >= classStarts[c - 1];
            }
            if (!ordered) {
                throw new IllegalArgumentException("intent starts " + Arrays.toString(classStarts)
                        + " do not divide " + rows + " neighbour rows in order");
            }
        }
    }

    /**
     * The messages' embeddings laid out each intent's together: {@code labels[r]} is the intent of
     * {@code embeddings[r]}. Copied once, straight into that order.
     */
    static FusedScope grouped(float[][] embeddings, int[] labels, int classes, Scale scale) {
        int rows = embeddings.length;
        if (labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " neighbour rows");
        }
        int dimension = embeddings[0].length;
        int[] starts = new int[classes + 1];
        for (int label : labels) {
            starts[label + 1]++;
        }
        for (int c = 0; c < classes; c++) {
            starts[c + 1] += starts[c];
        }
        int[] next = Arrays.copyOf(starts, classes);
        float[] ordered = new float[rows * dimension];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(embeddings[r], 0, ordered, next[labels[r]]++ * dimension, dimension);
        }
        return new FusedScope(dimension, ordered, starts, scale);
    }

    /** The same neighbours with another standardisation. */
    FusedScope withScale(Scale scale) {
        return new FusedScope(dimension, neighbours, classStarts, scale);
    }

    /** Cosine similarity of {@code embedding} (unit length) to the nearest of all training messages. */
    double nearestSimilarity(float[] embedding) {
        return nearestSimilarity(embedding, 0, neighbours.length / dimension, -1);
    }

    /**
     * Cosine similarity of {@code embedding} to the nearest training message of the {@link #SCANNED_INTENTS} most
     * probable intents, or of all when the messages are not grouped.
     */
    double nearestSimilarity(float[] embedding, double[] probabilities) {
        if (classStarts == null) {
            return nearestSimilarity(embedding);
        }
        if (probabilities.length != classStarts.length - 1) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for "
                    + (classStarts.length - 1) + " intents");
        }
        float best = -1;
        for (int c : Calibration.topIndices(probabilities, SCANNED_INTENTS)) {
            best = nearestSimilarity(embedding, classStarts[c], classStarts[c + 1], best);
        }
        return best;
    }

    /**
     * The largest of {@code best} and the similarities to rows {@code from} to {@code to}. Four partial sums let the
     * CPU overlap the multiply-adds (a single running sum waits on each addition): this scan is most of the
     * measure's cost.
     */
    private float nearestSimilarity(float[] embedding, int from, int to, float best) {
        int tail = dimension & ~3;
        for (int offset = from * dimension; offset < to * dimension; offset += dimension) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j < tail; j += 4) {
                s0 += neighbours[offset + j] * embedding[j];
                s1 += neighbours[offset + j + 1] * embedding[j + 1];
                s2 += neighbours[offset + j + 2] * embedding[j + 2];
                s3 += neighbours[offset + j + 3] * embedding[j + 3];
            }
            for (; j < dimension; j++) {
                s0 += neighbours[offset + j] * embedding[j];
            }
            best = Math.max(best, (s0 + s1) + (s2 + s3));
        }
        return best;
    }

    /** The fused score of a message: above 0 is less typical than the average held-out in-scope message. */
    double value(double[] probabilities, float[] embedding) {
        double confidence = probabilities[Calibration.argMax(probabilities)];
        return (scale.confidenceMean() - confidence) / scale.confidenceSd()
                + (scale.similarityMean() - nearestSimilarity(embedding, probabilities)) / scale.similaritySd();
    }
}
