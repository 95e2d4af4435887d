package io.merx.schedule.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;

class DecisionTest {

    @Test
    void candidateIsActivatedOnlyWhenNoWorseThanLiveMinusTolerance() {
        assertTrue(RetrainRun.noWorse(0.30, 0.30, 0));
        assertTrue(RetrainRun.noWorse(0.31, 0.30, 0));
        assertFalse(RetrainRun.noWorse(0.2999, 0.30, 0));
        assertTrue(RetrainRun.noWorse(0.295, 0.30, 0.01));
        assertFalse(RetrainRun.noWorse(0.289, 0.30, 0.01));
    }

    @Test
    void rankingFiguresMatchTheKindsDefinition() {
        // Hits at ranks 1 and 3 of 2 relevant items: DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
        double ndcg = Ranking.ndcg(List.of("a", "x", "b"), Set.of("a", "b"), 10);
        assertEquals(1.5 / (1 + 1 / (Math.log(3) / Math.log(2))), ndcg, 1e-12);
        assertEquals(0.5, Ranking.recall(List.of("a", "x"), Set.of("a", "b"), 10));
        assertEquals(0, Ranking.ndcg(List.of("x"), Set.of("a"), 10));
    }

    @Test
    void requestExcludesTheUsersTrainingItemsAndResultsReadEitherShape() {
        ScoreRequest request = Comparison.request("u1", Set.of("b", "a"));
        assertEquals(List.of("a", "b"), request.texts("exclude"));
        assertEquals(10, request.integer("k"));
        assertEquals(List.of("p1", "p2"), Comparison.items(List.of(Map.of("item", "p1", "score", 1.0), "p2")));
    }
}
