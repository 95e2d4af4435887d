package io.merx.customers.internal.segments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class KMeansTest {

    /** Three well-separated Gaussian blobs in 3-D, 100 points each, in order. */
    private static double[][] blobs(long seed) {
        double[][] centres = {{0, 0, 0}, {6, 0, 0}, {0, 6, 6}};
        Random random = new Random(seed);
        double[][] rows = new double[300][3];
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = centres[i / 100][j] + random.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void recoversSeparatedClusters() {
        double[][] rows = blobs(1);
        KMeans.Clustering c = KMeans.fit(rows, 3, 3, 100, 9);
        for (int blob = 0; blob < 3; blob++) {
            int label = c.assignment()[blob * 100];
            for (int i = blob * 100; i < blob * 100 + 100; i++) {
                assertEquals(label, c.assignment()[i], "row " + i);
            }
        }
        // The inertia is the sum of squared distances to the assigned centroid, which is the mean of its rows.
        double inertia = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] centre = c.centroids()[c.assignment()[i]];
            for (int j = 0; j < 3; j++) {
                inertia += (rows[i][j] - centre[j]) * (rows[i][j] - centre[j]);
            }
        }
        assertEquals(inertia, c.inertia(), 1e-6 * inertia);
        assertTrue(c.inertia() / rows.length < 3.6, "about the noise variance, 3 per point: " + c.inertia());
    }

    @Test
    void moreRestartsNeverWorse() {
        double[][] rows = blobs(2);
        assertTrue(KMeans.fit(rows, 5, 8, 100, 3).inertia() <= KMeans.fit(rows, 5, 1, 100, 3).inertia() + 1e-9);
    }

    @Test
    void sameSeedSameClustering() {
        double[][] rows = blobs(3);
        assertArrayEquals(KMeans.fit(rows, 4, 2, 50, 5).assignment(), KMeans.fit(rows, 4, 2, 50, 5).assignment());
    }
}
