package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The combined out-of-scope measure against a direct computation, and its direction. */
class FusedScopeTest {

    private static float[] unit(Random random, int d) {
        float[] v = new float[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void nearestSimilarityIsTheLargestCosineToATrainingMessage() {
        Random random = new Random(5);
        int d = 19; // not a multiple of 4: the remainder loop counts too
        float[][] rows = new float[50][];
        float[] flat = new float[50 * d];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = unit(random, d);
            System.arraycopy(rows[r], 0, flat, r * d, d);
        }
        FusedScope scope = new FusedScope(d, flat, null, new FusedScope.Scale(0.9, 0.1, 0.8, 0.05));
        for (int t = 0; t < 20; t++) {
            float[] query = unit(random, d);
            double best = -1;
            for (float[] row : rows) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += (double) row[j] * query[j];
                }
                best = Math.max(best, dot);
            }
            assertEquals(best, scope.nearestSimilarity(query), 1e-5);
        }
        assertEquals(1.0, scope.nearestSimilarity(rows[7]), 1e-5, "a training message is its own neighbour");
    }

    @Test
    void lowerConfidenceOrAFartherNeighbourMeansFurtherOutOfScope() {
        float[] flat = {1, 0, 0, 0, 1, 0};
        FusedScope scope = new FusedScope(3, flat, null,
                FusedScope.Scale.of(new double[] {1, 1, 1}, new double[] {1, 1}));
        assertEquals(0.1, scope.scale().confidenceSd(), "a spread of 0 is raised to the minimum");
        float[] known = {1, 0, 0};
        float[] unknown = {0, 0, 1};
        double[] sure = {1.0, 0.0};
        double[] unsure = {0.8, 0.2};
        assertEquals(0.0, scope.value(sure, known), 1e-6);
        assertEquals(2.0, scope.value(unsure, known), 1e-6);
        assertTrue(scope.value(sure, unknown) > scope.value(sure, known));
        assertThrows(IllegalArgumentException.class, () -> new FusedScope(4, flat, null, scope.scale()));
    }

    @Test
    void groupedByIntentOnlyTheMostProbableIntentsAreSearched() {
        Random random = new Random(9);
        int d = 23;
        int classes = 6;
        int rows = 60;
        float[] flat = new float[rows * d];
        float[][] vectors = new float[rows][];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            vectors[r] = unit(random, d);
            System.arraycopy(vectors[r], 0, flat, r * d, d);
            labels[r] = (r * 7) % classes; // interleaved: grouping has to move rows
        }
        FusedScope.Scale scale = new FusedScope.Scale(0.9, 0.1, 0.8, 0.05);
        FusedScope all = new FusedScope(d, flat, null, scale);
        FusedScope grouped = FusedScope.grouped(vectors, labels, classes, scale);
        assertEquals(classes + 1, grouped.classStarts().length);
        for (int t = 0; t < 20; t++) {
            float[] query = unit(random, d);
            // All intents equally likely but the top three: the nearest among those intents' rows, computed directly.
            double[] p = new double[classes];
            java.util.Arrays.fill(p, 0.01);
            int[] likely = {t % classes, (t + 2) % classes, (t + 3) % classes};
            for (int i = 0; i < likely.length; i++) {
                p[likely[i]] = 0.5 - 0.1 * i;
            }
            double best = -1;
            for (int r = 0; r < rows; r++) {
                final int label = labels[r];
                if (java.util.Arrays.stream(likely).anyMatch(c -> c == label)) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += (double) flat[r * d + j] * query[j];
                    }
                    best = Math.max(best, dot);
                }
            }
            assertEquals(best, grouped.nearestSimilarity(query, p), 1e-5);
            assertTrue(grouped.nearestSimilarity(query, p) <= all.nearestSimilarity(query, p) + 1e-6);
            assertEquals(all.nearestSimilarity(query), grouped.nearestSimilarity(query), 1e-5,
                    "grouping reorders the rows, it keeps them all");
        }
        float[] seventh = java.util.Arrays.copyOfRange(flat, 7 * d, 8 * d);
        double[] itsIntent = new double[classes];
        itsIntent[labels[7]] = 1;
        assertEquals(1.0, grouped.nearestSimilarity(seventh, itsIntent), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new FusedScope(d, flat, new int[] {0, 30, 20, rows}, scale),
                "starts out of order");
        assertThrows(IllegalArgumentException.class, () -> new FusedScope(d, flat, new int[] {0, 30, 59}, scale),
                "starts that miss a row");
    }
}
