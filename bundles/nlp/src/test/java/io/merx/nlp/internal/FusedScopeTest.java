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
        FusedScope scope = new FusedScope(d, flat, new FusedScope.Scale(0.9, 0.1, 0.8, 0.05));
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
        FusedScope scope = new FusedScope(3, flat, FusedScope.Scale.of(new double[] {1, 1, 1}, new double[] {1, 1}));
        assertEquals(0.1, scope.scale().confidenceSd(), "a spread of 0 is raised to the minimum");
        float[] known = {1, 0, 0};
        float[] unknown = {0, 0, 1};
        assertEquals(0.0, scope.value(1.0, known), 1e-6);
        assertEquals(2.0, scope.value(0.8, known), 1e-6);
        assertTrue(scope.value(1.0, unknown) > scope.value(1.0, known));
        assertThrows(IllegalArgumentException.class, () -> new FusedScope(4, flat, scope.scale()));
    }
}
