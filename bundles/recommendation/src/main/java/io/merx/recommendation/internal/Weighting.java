package io.merx.recommendation.internal;

import java.util.List;

/**
 * How an aggregated interaction's weight (count, quantity) becomes ALS's {@code r} in confidence
 * {@code 1 + alpha * r}: {@code linear} keeps it, {@code log} takes {@code ln(1 + r)}, {@code binary} makes every
 * interaction 1. On purchase data quantities are noisy: a bulk order says little more than one unit.
 */
final class Weighting {

    static final String LINEAR = "linear";
    static final String LOG = "log";
    static final String BINARY = "binary";
    static final List<String> ALL = List.of(LINEAR, LOG, BINARY);

    private Weighting() {
    }

    /** The same interactions with weights transformed; {@code linear} returns {@code data} itself. */
    static Interactions apply(Interactions data, String weighting) {
        if (LINEAR.equals(weighting)) {
            return data;
        }
        if (!ALL.contains(weighting)) {
            throw new IllegalArgumentException("hyper-parameter 'weighting' must be one of " + ALL + ", got '"
                    + weighting + "'");
        }
        float[] w = new float[data.weights.length];
        for (int p = 0; p < w.length; p++) {
            w[p] = BINARY.equals(weighting) ? 1f : (float) Math.log1p(data.weights[p]);
        }
        return new Interactions(data.userIds, data.itemIds, data.userPtr, data.items, w, data.times, data.lastRows,
                data.itemCategory, data.categories, data.inputRows);
    }
}
