package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.HyperParameters;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** Training behaviour a user would notice: ALS beats popularity on shop data, the loss falls, metrics are named. */
class AlsQualityTest {

    private final AlsKind kind = new AlsKind();

    @Test
    void alsBeatsThePopularityBaselineOnTheDemoShop() throws Exception {
        List<String> progress = new ArrayList<>();
        TrainingContext recording = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
                progress.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        long start = System.nanoTime();
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of()))
                .train(kind.demoData().orElseThrow(), recording)) {
            Map<String, Double> m = model.provenance().metrics();
            System.out.printf("demo training %.2f s, metrics %s%n", (System.nanoTime() - start) / 1e9, m);
            assertTrue(m.get("ndcg@10") > 1.2 * m.get("popularity.ndcg@10"), m.toString());
            assertTrue(m.get("precision@10") > m.get("popularity.precision@10"), m.toString());
            for (String name : List.of("precision@10", "recall@10", "ndcg@10", "map@10", "coverage@10", "evalUsers",
                    "trainingLoss")) {
                assertTrue(m.containsKey(name), name + " in " + m.keySet());
            }
            assertEquals(DemoData.USERS, m.get("users"), 1e-9);
        }
        List<Double> losses = progress.stream().filter(p -> p.startsWith("final model: iteration"))
                .map(p -> Double.parseDouble(p.substring(p.indexOf("loss=") + 5))).toList();
        assertEquals(10, losses.size(), progress.toString());
        assertTrue(losses.get(9) < losses.get(0), "loss falls: " + losses);
    }
}
