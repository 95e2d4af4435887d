package io.merx.nlp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MahalanobisScopeTest {

    /**
     * Three known classes of correlated Gaussian points, and a fourth the detector never saw: its points must lie
     * farther than the known classes' held-out points, which is what a confidence threshold cannot promise.
     */
    @Test
    void unseenClassIsFartherThanHeldOutPointsOfKnownClasses() {
        Random random = new Random(7);
        int d = 8;
        int n = 3000;
        float[][] x = new float[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            x[i] = point(random, d, y[i]);
        }
        int[] known = java.util.stream.IntStream.range(0, 2000).filter(i -> y[i] != 3).toArray();
        MahalanobisScope scope = MahalanobisScope.fit(x, y, known, 3);
        int wins = 0;
        int pairs = 0;
        for (int i = 2000; i < n; i++) {
            if (y[i] != 3) {
                continue;
            }
            for (int j = 2000; j < n; j++) {
                if (y[j] != 3) {
                    pairs++;
                    wins += scope.distance(x[i]) > scope.distance(x[j]) ? 1 : 0;
                }
            }
        }
        double auroc = wins / (double) pairs;
        assertTrue(auroc > 0.95, "AUROC " + auroc);
    }

    @Test
    void distanceIsTheTextbookFormula() {
        // Identity precision: the squared Euclidean distance to the nearer centroid.
        float[] means = {0, 0, 3, 4};
        float[] identity = {1, 0, 0, 1};
        MahalanobisScope scope = new MahalanobisScope(2, means, identity);
        assertEquals(2.0, scope.distance(new float[] {1, 1}), 1e-6);
        assertEquals(1.0, scope.distance(new float[] {3, 5}), 1e-6);
        // A precision that weighs the first axis four times: distance along it counts double.
        MahalanobisScope weighted = new MahalanobisScope(2, new float[] {0, 0}, new float[] {4, 0, 0, 1});
        assertEquals(4.0 + 1.0, weighted.distance(new float[] {1, 1}), 1e-6);
    }

    private static float[] point(Random random, int d, int cls) {
        float[] p = new float[d];
        double shared = random.nextGaussian();
        for (int j = 0; j < d; j++) {
            // correlated noise (a shared factor) around a class centre
            double centre = j == cls ? 4 : 0;
            p[j] = (float) (centre + 0.8 * shared + 0.6 * random.nextGaussian());
        }
        return p;
    }
}
