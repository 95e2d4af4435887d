package io.merx.nlp.internal;

/**
 * How unlike the known intents a message is, from two signals that fail differently: the calibrated confidence of
 * the best intent (low when the message sits between intents) and the cosine similarity of the message's embedding
 * to its nearest training message (low when nothing like it was ever seen, even when the head is confidently wrong).
 * Each is standardised by its mean and spread over held-out in-scope messages and the two are added; higher means
 * more out of scope. Nothing is fitted on out-of-scope examples, which a shop rarely has.
 *
 * <p>Why this pair: in a leave-10-intents-out simulation inside Banking77's training data it beat confidence alone,
 * nearest-neighbour similarity alone, the Mahalanobis distance and logistic combinations with those (see
 * docs/benchmarks/nlp.md). Scoring costs one dot product per training message.
 *
 * @param dimension embedding length
 * @param neighbours unit-length embeddings of the training messages, row-major {@code [rows][dimension]}
 * @param scale means and spreads of both signals over held-out in-scope messages
 */
record FusedScope(int dimension, float[] neighbours, Scale scale) {

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
    }

    /**
     * Cosine similarity of {@code embedding} (unit length) to the nearest training message. Four partial sums let
     * the CPU overlap the multiply-adds (a single running sum waits on each addition): this scan is most of the
     * measure's cost.
     */
    double nearestSimilarity(float[] embedding) {
        float best = -1;
        int tail = dimension & ~3;
        for (int offset = 0; offset < neighbours.length; offset += dimension) {
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
    double value(double confidence, float[] embedding) {
        return (scale.confidenceMean() - confidence) / scale.confidenceSd()
                + (scale.similarityMean() - nearestSimilarity(embedding)) / scale.similaritySd();
    }
}
