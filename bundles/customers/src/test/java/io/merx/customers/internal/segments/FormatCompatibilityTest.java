package io.merx.customers.internal.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * A model saved by kind 1.0.0 (format 1: 200 generated customers, k = 3) still loads, and places the same
 * customers and described customers in the same segments with the same labels.
 */
class FormatCompatibilityTest {

    private static final Path FORMAT_1 = Path.of("src/test/resources/compat/segments-format-1");

    @Test
    void format1LoadsAndAnswersTheSame() throws Exception {
        try (Scorer scorer = new SegmentsKind().load(FORMAT_1)) {
            for (String line : Files.readAllLines(FORMAT_1.resolve("expected.tsv"))) {
                String[] cells = line.split("\t");
                ScoreResult result = scorer.score(request(cells[0]));
                assertEquals(Integer.parseInt(cells[1]), ((Number) result.outputs().get("segment")).intValue(), line);
                assertEquals(cells[2], result.outputs().get("label"), line);
            }
        }
    }

    /** {@code customer=C00001} or {@code new=recency,orders,meanOrderAmount,tenure}. */
    private static ScoreRequest request(String spec) {
        String[] keyValue = spec.split("=", 2);
        if (keyValue[0].equals("customer")) {
            return ScoreRequest.of(Map.of("customer", keyValue[1]));
        }
        String[] v = keyValue[1].split(",");
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("recencyDays", Double.parseDouble(v[0]));
        inputs.put("orders", Double.parseDouble(v[1]));
        inputs.put("meanOrderAmount", Double.parseDouble(v[2]));
        inputs.put("tenureDays", Double.parseDouble(v[3]));
        return ScoreRequest.of(inputs);
    }
}
