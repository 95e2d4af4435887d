package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.TrainingContext;

/**
 * On a shop whose next pick is often the successor of the previous one, the sequential model learns the order:
 * it ranks a user's held-out latest item better than ALS does, and a request's recent item moves that item's
 * successor to the top.
 */
class SequentialQualityTest {

    private static final SasrecConfig SMALL = new SasrecConfig(32, 1, 20, 0.1, 15, 3, 64, 0.005, 60, 3, SasrecConfig.SOFTMAX, 64);

    @Test
    void learnsTheOrderThatAlsCannotSee() throws Exception {
        Interactions all = Interactions.from(ShopDataGenerator.generate(600, 150, 12_000, 9, 0.8),
                new Columns("user", "item", "weight", "timestamp", "category"));
        Split split = Split.leaveLastOut(all);
        ModelData sequential = new SasrecLearner(SMALL).fit(split.train(), TrainingContext.silent());
        ModelData als = new AlsLearner(new AlsConfig(16, 10, 0.1, 10, true, AlsConfig.CG, 3, 3L, 0), Weighting.BINARY)
                .fit(split.train(), TrainingContext.silent());
        double seqNdcg = Evaluator.evaluate(split, sequential, 10, 0, 1, "").get("ndcg@10");
        double alsNdcg = Evaluator.evaluate(split, als, 10, 0, 1, "").get("ndcg@10");
        assertTrue(seqNdcg > alsNdcg + 0.05, "sequential nDCG@10 " + seqNdcg + " vs ALS " + alsNdcg);

        // Recent items are appended in order: the answer changes with the latest item.
        RecommendationScorer scorer = new RecommendationScorer(sequential);
        ScoreResult answer = scorer.score(ScoreRequest.of(Map.of("user", all.userId(0),
                "recentItems", List.of(all.itemId(3)))));
        assertEquals("foldin", answer.outputs().get("source"));
    }
}
