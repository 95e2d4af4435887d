package io.merx.recommendation.internal;

import java.util.Random;

/**
 * ALS-like factors, seeded: items and users gather around shared taste centres (a shop's categories), and item
 * norms spread log-normally as ALS item norms follow popularity. Uniform random vectors would be easier for no
 * index and unlike any catalogue: in high dimension they are all nearly orthogonal.
 */
final class ClusteredFactors {

    static final int CENTRES = 1_000;

    private final float[] centres;
    private final int rank;

    ClusteredFactors(int rank, long seed) {
        this.rank = rank;
        Random random = new Random(seed);
        centres = new float[CENTRES * rank];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) random.nextGaussian();
        }
    }

    /** {@code n} item rows: a centre plus noise, scaled by {@code exp(0.5 N(0,1))}. */
    float[] items(int n, long seed) {
        return rows(n, seed, 0.5);
    }

    /** {@code n} user rows (queries), same centres, unscaled. */
    float[] users(int n, long seed) {
        return rows(n, seed, 0);
    }

    private float[] rows(int n, long seed, double normSpread) {
        Random random = new Random(seed);
        float[] rows = new float[n * rank];
        double base = 1 / Math.sqrt(rank);
        for (int r = 0; r < n; r++) {
            int c = random.nextInt(CENTRES);
            double scale = base * Math.exp(normSpread * random.nextGaussian());
            for (int j = 0; j < rank; j++) {
                rows[r * rank + j] = (float) ((centres[c * rank + j] + 0.7 * random.nextGaussian()) * scale);
            }
        }
        return rows;
    }

    /**
     * A model of the given user and item rows where user {@code u} has seen item {@code u} once (a user without
     * items would get the popularity list), so each query also carries the "unseen only" filter.
     */
    static ModelData model(float[] userRows, float[] itemRows, int rank) {
        int users = userRows.length / rank;
        int items = itemRows.length / rank;
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = "u" + u;
        }
        String[] itemIds = new String[items];
        int[] category = new int[items];
        int[] popularity = new int[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = "i" + i;
            category[i] = -1;
            popularity[i] = 1;
        }
        int[] seenPtr = new int[users + 1];
        int[] seenItems = new int[users];
        float[] seenWeights = new float[users];
        for (int u = 0; u < users; u++) {
            seenPtr[u + 1] = u + 1;
            seenItems[u] = u % items;
            seenWeights[u] = 1;
        }
        return new ModelData(userIds, itemIds, category, new String[0], popularity, seenPtr, seenItems, seenWeights,
                new Factors(rank, userRows, itemRows), 10, 0.1, true);
    }
}
