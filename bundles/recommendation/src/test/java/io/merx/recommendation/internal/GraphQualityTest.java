package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.HyperParameters;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;

/** What a user of the graph kind notices: it beats popularity on the demo shop and answers as its own source. */
class GraphQualityTest {

    private final GraphKind kind = new GraphKind();

    @Test
    void beatsPopularityOnTheDemoShopAndSaysWhichEpochItKept() throws Exception {
        long start = System.nanoTime();
        // At most 20 epochs keeps the test short; the default (60) does better still.
        try (TrainedModel model = kind.newTrainer(HyperParameters.of(kind.parameters(), Map.of("epochs", 20)))
                .train(kind.demoData().orElseThrow(), TrainingContext.silent())) {
            Map<String, Double> m = model.provenance().metrics();
            System.out.printf("graph demo training %.2f s, metrics %s%n", (System.nanoTime() - start) / 1e9, m);
            assertTrue(m.get("ndcg@10") > 1.2 * m.get("popularity.ndcg@10"), m.toString());
            assertTrue(m.get("bestEpoch") >= 1 && m.get("bestEpoch") <= m.get("epochs"), m.toString());
            assertEquals(DemoData.USERS, m.get("users"), 1e-9);
        }
    }

    /** With no user of two items there is nothing to validate on: every epoch runs, and the model still trains. */
    @Test
    void withoutValidationUsersAllEpochsRun() throws Exception {
        io.merx.api.Dataset data = io.merx.api.Dataset.builder()
                .strings("user", new String[] {"a", "b", "c", "d"})
                .strings("item", new String[] {"x", "y", "x", "z"}).build();
        HyperParameters hp = HyperParameters.of(kind.parameters(), Map.of("epochs", 3, "dimension", 4));
        try (TrainedModel model = kind.newTrainer(hp).train(data, TrainingContext.silent())) {
            Map<String, Double> m = model.provenance().metrics();
            assertEquals(3, m.get("bestEpoch"), 1e-9, m.toString());
            assertEquals(0, m.get("validationUsers"), 1e-9, m.toString());
        }
    }

    @Test
    void knownUsersAreAnsweredFromTheGraphAndRecentItemsFoldIn() throws Exception {
        HyperParameters hp = HyperParameters.of(kind.parameters(), Map.of("epochs", 4, "dimension", 16));
        try (TrainedModel model = kind.newTrainer(hp).train(AlsKindContractTest.DATA, TrainingContext.silent())) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("graph");
            model.save(dir);
            try (Scorer scorer = kind.load(dir)) {
                ScoreResult known = scorer.score(ScoreRequest.of(Map.of("user", "C000001", "k", 3)));
                assertEquals("graph", known.outputs().get("source"), known.toString());
                ScoreResult recent = scorer.score(ScoreRequest.of(Map.of("user", "nobody",
                        "recentItems", java.util.List.of("P000001", "P000002"), "k", 3)));
                assertEquals("foldin", recent.outputs().get("source"), recent.toString());
            }
        }
    }
}
