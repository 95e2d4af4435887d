package io.merx.recommendation.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The propagation against a dense reference, and training against a known structure. */
class LightGcnTest {

    /** Users 0-2, items 0-3: a tiny graph whose normalised adjacency is easy to write down densely. */
    private static final int[] PTR = {0, 2, 3, 6};
    private static final int[] ITEMS = {0, 1, 1, 0, 2, 3};

    @Test
    void propagationMatchesTheDenseFormula() {
        int users = 3;
        int items = 4;
        int n = users + items;
        double[][] a = new double[n][n];
        int[] degree = new int[n];
        for (int u = 0; u < users; u++) {
            for (int p = PTR[u]; p < PTR[u + 1]; p++) {
                degree[u]++;
                degree[users + ITEMS[p]]++;
            }
        }
        for (int u = 0; u < users; u++) {
            for (int p = PTR[u]; p < PTR[u + 1]; p++) {
                int i = users + ITEMS[p];
                a[u][i] = a[i][u] = 1 / Math.sqrt(degree[u] * (double) degree[i]);
            }
        }
        int d = 3;
        float[] x = new float[n * d];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        // (x + A x + A^2 x) / 3, densely.
        double[][] power = new double[n][d];
        double[][] sum = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                power[r][c] = x[r * d + c];
                sum[r][c] = power[r][c];
            }
        }
        for (int k = 0; k < 2; k++) {
            double[][] next = new double[n][d];
            for (int r = 0; r < n; r++) {
                for (int s = 0; s < n; s++) {
                    for (int c = 0; c < d; c++) {
                        next[r][c] += a[r][s] * power[s][c];
                    }
                }
            }
            power = next;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < d; c++) {
                    sum[r][c] += power[r][c];
                }
            }
        }
        float[] got = NormalizedAdjacency.of(users, items, PTR, ITEMS).propagate(x, d, 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                assertEquals(sum[r][c] / 3, got[r * d + c], 1e-5, "row " + r + " column " + c);
            }
        }
    }

    /**
     * Two communities: users 0-39 buy five consecutive items (cyclically) of items 0-9, users 40-79 of items
     * 10-19. After training, every user's best unseen item is one of their own community.
     */
    @Test
    void learnsWhichItemsBelongTogether() throws Exception {
        int users = 80;
        int items = 20;
        int[] ptr = new int[users + 1];
        int[] list = new int[users * 5];
        for (int u = 0; u < users; u++) {
            int base = u < 40 ? 0 : 10;
            for (int j = 0; j < 5; j++) {
                list[u * 5 + j] = base + (u + j) % 10;
            }
            java.util.Arrays.sort(list, u * 5, u * 5 + 5);
            ptr[u + 1] = (u + 1) * 5;
        }
        LightGcnConfig config = new LightGcnConfig(8, 2, 0.02, 1e-4, 64, 40, 40, 1, 0, 3);
        LightGcn.Result result = new LightGcn(config).train(users, items, ptr, list, (u, i) -> 0, quiet());
        for (int u = 0; u < users; u++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int item = 0; item < items; item++) {
                if (java.util.Arrays.binarySearch(list, u * 5, u * 5 + 5, item) >= 0) {
                    continue;
                }
                double s = 0;
                for (int c = 0; c < 8; c++) {
                    s += result.users()[u * 8 + c] * result.items()[item * 8 + c];
                }
                if (s > bestScore) {
                    bestScore = s;
                    best = item;
                }
            }
            assertEquals(u < 40, best < 10, "user " + u + " gets item " + best);
        }
        assertTrue(result.loss() < Math.log(2) / 2, "BPR loss fell well below ln 2: " + result.loss());
    }

    @Test
    void sameSeedSameEmbeddingsAndEarlyStoppingKeepsTheBestCheck() throws Exception {
        LightGcnConfig config = new LightGcnConfig(4, 2, 0.01, 1e-4, 2, 10, 1, 2, 0, 9);
        // A validation that peaks at epoch 3: training stops two checks later and keeps epoch 3.
        LightGcn.Validation peak = new LightGcn.Validation() {
            private int calls;

            @Override
            public double score(float[] users, float[] items) {
                calls++;
                return -Math.abs(calls - 3);
            }
        };
        LightGcn.Result first = new LightGcn(config).train(3, 4, PTR, ITEMS, peak, quiet());
        assertEquals(5, first.epochs());
        assertEquals(3, first.bestEpoch());
        LightGcnConfig threeEpochs = new LightGcnConfig(4, 2, 0.01, 1e-4, 2, 3, 1, 2, 0, 9);
        int[] checks = {0};
        LightGcn.Result again = new LightGcn(threeEpochs).train(3, 4, PTR, ITEMS, (u, i) -> ++checks[0], quiet());
        assertEquals(3, again.bestEpoch());
        assertArrayEquals(again.users(), first.users());
        assertArrayEquals(again.items(), first.items());
    }

    @Test
    void cancellingStopsTraining() {
        LightGcnConfig config = new LightGcnConfig(4, 2, 0.01, 1e-4, 2, 10, 1, 2, 0, 9);
        LightGcn.Listener cancelled = new LightGcn.Listener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(LightGcn.Cancelled.class, () -> new LightGcn(config).train(3, 4, PTR, ITEMS, (u, i) -> 0,
                cancelled));
    }

    @Test
    void badSettingsNameTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LightGcnConfig(8, 2, 0, 1e-4, 64, 10, 1, 1, 0, 1));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }

    private static LightGcn.Listener quiet() {
        return new LightGcn.Listener() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
