package io.merx.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.Scorer;

/**
 * A BM25 model written by the first version of the kind (format 1: 48 demo products, seed 11) still loads and
 * answers as it did then: the same products in the same order with the same scores. The index is rebuilt from
 * the stored catalogue, so this also pins the analysis and BM25 scoring.
 */
class Format1CompatibilityTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> search(Scorer scorer, String query) throws Exception {
        return (List<Map<String, Object>>) scorer.score(ScoreRequest.of(Map.of("query", query, "k", 3))).outputs()
                .get("products");
    }

    private static void assertHits(List<Map<String, Object>> hits, String... idsAndScores) {
        assertEquals(idsAndScores.length / 2, hits.size(), hits.toString());
        for (int i = 0; i < hits.size(); i++) {
            assertEquals(idsAndScores[2 * i], hits.get(i).get("id"), hits.toString());
            assertEquals(Double.parseDouble(idsAndScores[2 * i + 1]), (Double) hits.get(i).get("score"), 1e-5);
            assertEquals(i + 1, hits.get(i).get("bm25Rank"));
        }
    }

    @Test
    void aFormat1ModelLoadsAndAnswersAsWhenItWasWritten() throws Exception {
        try (Scorer scorer = new SearchKind(null).load(directory())) {
            assertHits(search(scorer, "running shoes"), "P0025", "3.735985279083252", "P0001", "3.582728624343872");
            assertHits(search(scorer, "waterproof coat"), "P0042", "2.7068257331848145", "P0002", "1.028276801109314",
                    "P0026", "0.9989633560180664");
            assertHits(search(scorer, "cast iron"), "P0009", "2.6402881145477295", "P0033", "2.6402881145477295");
        }
    }

    private static Path directory() throws URISyntaxException {
        return Path.of(Format1CompatibilityTest.class.getResource("format1-model/search.properties").toURI())
                .getParent();
    }
}
