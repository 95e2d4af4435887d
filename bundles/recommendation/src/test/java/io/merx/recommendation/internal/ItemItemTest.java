package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.merx.api.HyperParameters;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

/** Item-kNN and EASE against their definitions, and the automatic choice against its own candidates. */
class ItemItemTest {

    /** Random binary data: 60 users, 25 items, some repeated rows (weights are ignored by both models). */
    private static Interactions randomData(long seed) {
        Random random = new Random(seed);
        int rows = 600;
        String[] users = new String[rows];
        String[] items = new String[rows];
        float[] weights = new float[rows];
        for (int r = 0; r < rows; r++) {
            users[r] = "u" + random.nextInt(60);
            items[r] = "i" + (int) Math.floor(25 * Math.pow(random.nextDouble(), 1.5));
            weights[r] = 1 + random.nextInt(5);
        }
        return Interactions.of(users, items, weights, null, null);
    }

    /** X^T X of the binary matrix, counted the slow way. */
    private static double[][] gram(Interactions data) {
        int n = data.itemCount();
        double[][] g = new double[n][n];
        for (int u = 0; u < data.userCount(); u++) {
            for (int p = data.userPtr[u]; p < data.userPtr[u + 1]; p++) {
                for (int q = data.userPtr[u]; q < data.userPtr[u + 1]; q++) {
                    g[data.items[p]][data.items[q]]++;
                }
            }
        }
        return g;
    }

    @Test
    void itemKnnKeepsTheMostSimilarItemsByShrunkCosine() throws Exception {
        Interactions data = randomData(3);
        double[][] g = gram(data);
        ItemNeighbours knn = new ItemKnn(5, 2).fit(data, TrainingContext.silent()).neighbours;
        int n = data.itemCount();
        for (int i = 0; i < n; i++) {
            double[] sim = new double[n];
            for (int j = 0; j < n; j++) {
                sim[j] = j == i ? Double.NEGATIVE_INFINITY : g[i][j] / (Math.sqrt(g[i][i] * g[j][j]) + 2);
            }
            double[] sorted = sim.clone();
            java.util.Arrays.sort(sorted);
            double fifth = sorted[n - 5];
            int kept = knn.ptr()[i + 1] - knn.ptr()[i];
            assertTrue(kept <= 5, "at most 5 neighbours of item " + i);
            for (int p = knn.ptr()[i]; p < knn.ptr()[i + 1]; p++) {
                int j = knn.items()[p];
                assertEquals(sim[j], knn.weights()[p], 1e-6, "sim(" + i + ", " + j + ")");
                assertTrue(sim[j] >= fifth - 1e-9, "item " + j + " is among the 5 most similar to " + i);
            }
        }
    }

    @Test
    void easeSolvesItsNormalEquationsWithAZeroDiagonal() throws Exception {
        Interactions data = randomData(5);
        double lambda = 7;
        ItemNeighbours b = new Ease(lambda, 1_000).fit(data, TrainingContext.silent()).neighbours;
        double[][] g = gram(data);
        int n = data.itemCount();
        // Off the diagonal, (G + lambda I) B = G: B minimises |X - XB|^2 + lambda |B|^2 with diag(B) = 0.
        for (int i = 0; i < n; i++) {
            assertEquals(0f, b.weight(i, i), "B[" + i + "][" + i + "]");
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double lhs = 0;
                for (int l = 0; l < n; l++) {
                    lhs += (g[i][l] + (i == l ? lambda : 0)) * b.weight(l, j);
                }
                assertEquals(g[i][j], lhs, 1e-3 * (1 + g[i][j]), "row " + i + " column " + j);
            }
        }
    }

    @Test
    void easeLeavesItemsBeyondTheCapOutOfTheModel() throws Exception {
        Interactions data = randomData(5);
        ModelData model = new Ease(7, 10).fit(data, TrainingContext.silent());
        int withRows = 0;
        for (int i = 0; i < data.itemCount(); i++) {
            withRows += model.neighbours.ptr()[i + 1] > model.neighbours.ptr()[i] ? 1 : 0;
        }
        assertEquals(10, withRows);
        for (int p = 0; p < 10; p++) {
            int item = model.popularityOrder[p];
            assertEquals(9, model.neighbours.ptr()[item + 1] - model.neighbours.ptr()[item], "item " + item);
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ItemKnn(0, 1)).getMessage()
                .contains("neighbours"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Ease(0, 10)).getMessage()
                .contains("lambda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AlsLearner(
                new AlsConfig(4, 1, 0.1, 1, true, AlsConfig.CG, 3, 1, 1), "square")).getMessage()
                .contains("weighting"));
    }

    @Test
    void autoStopsWhenCancelledAndReportsEachCandidate() {
        AutoKind kind = new AutoKind();
        List<String> messages = new ArrayList<>();
        TrainingContext cancelAfterThree = new TrainingContext() {
            @Override
            public synchronized void progress(double fraction, String message) {
                if (message.contains("validation ndcg@10")) {
                    messages.add(message);
                }
            }

            @Override
            public synchronized boolean isCancelled() {
                return messages.size() >= 3;
            }
        };
        TrainingException e = assertThrows(TrainingException.class, () -> kind.newTrainer(
                HyperParameters.of(kind.parameters(), Map.of())).train(kind.demoData().orElseThrow(),
                        cancelAfterThree));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("candidate 1 popularity: validation ndcg@10"), messages.toString());
    }

    @Test
    void autoKeepsTheBestCandidateAndSaysWhy() throws Exception {
        AutoKind kind = new AutoKind();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(),
                Map.of("alsTrials", 4, "iterations", 4))).train(kind.demoData().orElseThrow(),
                        TrainingContext.silent())) {
            Map<String, Double> m = model.provenance().metrics();
            double best = Double.NEGATIVE_INFINITY;
            int candidates = 0;
            for (Map.Entry<String, Double> e : m.entrySet()) {
                if (e.getKey().startsWith("validation ndcg@10: ") && !e.getKey().contains("popularity below")) {
                    best = Math.max(best, e.getValue());
                    candidates++;
                }
            }
            // popularity, 3 item-kNN, 3 EASE, 4 ALS, LightGCN, SASRec
            assertEquals(13, candidates, m.keySet().toString());
            assertTrue(m.keySet().stream().anyMatch(key -> key.startsWith("validation ndcg@10: lightgcn")),
                    m.keySet().toString());
            assertTrue(m.keySet().stream().anyMatch(key -> key.startsWith("validation ndcg@10: sequential")),
                    m.keySet().toString());
            assertEquals(candidates, m.get("search.candidates"), 1e-9);
            String chosen = m.keySet().stream().filter(key -> key.startsWith("chosen: ")).findFirst().orElseThrow();
            assertTrue(m.get(chosen) >= best - 1e-12, chosen + " " + m);
            assertTrue(m.get("ndcg@10") > m.get("popularity.ndcg@10"), m.toString());
        }
    }
}
