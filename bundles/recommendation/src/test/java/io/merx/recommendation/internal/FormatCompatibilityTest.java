package io.merx.recommendation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.merx.api.ModelKind;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * Artifacts written by kind version 1.0.0 (format 1, under {@code src/test/resources/compat}; item-kNN, EASE,
 * LightGCN and SASRec from their first version, #20) must keep loading and giving the same answers: the same items
 * in the same order, scores within float rounding.
 */
class FormatCompatibilityTest {

    static final List<ScoreRequest> REQUESTS = List.of(
            ScoreRequest.of(Map.of("user", "C000003", "k", 5)),
            ScoreRequest.of(Map.of("user", "C000010", "k", 4, "categories", List.of("electronics"))),
            ScoreRequest.of(Map.of("user", "stranger", "k", 3)),
            ScoreRequest.of(Map.of("recentItems", List.of("P000001", "P000004"), "k", 3)),
            ScoreRequest.of(Map.of("op", "similar", "item", "P000002", "k", 3)),
            ScoreRequest.of(Map.of("op", "score", "user", "C000003", "items", List.of("P000001", "P000005"))));

    @ParameterizedTest
    @ValueSource(strings = {"als", "popularity", "itemknn", "ease", "graph", "sequential"})
    void format1ArtifactsLoadAndScoreAsWhenTheyWereWritten(String name) throws Exception {
        Path dir = Path.of("src/test/resources/compat/" + name + "-format-1");
        ModelKind kind = switch (name) {
            case "als" -> new AlsKind();
            case "itemknn" -> new ItemKnnKind();
            case "ease" -> new EaseKind();
            case "graph" -> new GraphKind();
            case "sequential" -> new SequentialKind();
            default -> new PopularityKind();
        };
        List<String> expected = Files.readAllLines(dir.resolve("expected.tsv"));
        try (Scorer scorer = kind.load(dir)) {
            for (int i = 0; i < REQUESTS.size(); i++) {
                String[] want = expected.get(i).split("\t");
                ScoreResult result = scorer.score(REQUESTS.get(i));
                assertEquals(want[1], result.text("source"), "request " + i);
                List<?> items = (List<?>) result.outputs().get("items");
                assertEquals(want.length - 2, items.size(), "request " + i);
                for (int j = 0; j < items.size(); j++) {
                    Map<?, ?> entry = (Map<?, ?>) items.get(j);
                    String[] pair = want[j + 2].split("=");
                    assertEquals(pair[0], entry.get("item"), "request " + i + " rank " + j);
                    assertEquals(Double.parseDouble(pair[1]), (Double) entry.get("score"), 1e-5,
                            "request " + i + " rank " + j);
                }
            }
        }
    }
}
