package io.merx.risk.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;

/**
 * A model saved by the first release (format 1, {@code src/test/resources/compat/transaction-format-1}, trained on
 * {@code FraudScenario.DEMO.scaled(150, 5)} with graphFeatures=data) still loads and scores exactly as it did.
 * Regenerate only on purpose: {@code -Dmerx.risk.writeCompat=true} rewrites it from the current code.
 */
class FormatCompatibilityTest {

    private static final Path DIR = Path.of("src/test/resources/compat/transaction-format-1");

    static final List<ScoreRequest> REQUESTS = List.of(
            ScoreRequest.of(Map.of("customer", "C00010", "order_time", "2025-04-20T14:05", "amount", 42.0,
                    "card", "K-C00010", "device", "D-C00010", "address", "A-C00010")),
            ScoreRequest.of(Map.of("customer", "new-account", "order_time", "2025-04-21T03:10", "amount", 390.0,
                    "card", "K-ring0-0", "device", "D-ring0-0", "address", "A-elsewhere", "billing_address", "B-1")));

    @Test
    void aFormat1ModelScoresAsItDid() throws Exception {
        if (Boolean.getBoolean("merx.risk.writeCompat")) {
            write();
        }
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(DIR.resolve("expected.properties"))) {
            expected.load(in);
        }
        try (Scorer scorer = new TransactionKind().load(DIR)) {
            for (int i = 0; i < REQUESTS.size(); i++) {
                ScoreResult result = scorer.score(REQUESTS.get(i));
                assertEquals(Double.parseDouble(expected.getProperty(i + ".probability")),
                        result.number("probability"), 1e-12, "request " + i);
                assertEquals(expected.getProperty(i + ".decision"), result.text("decision"), "request " + i);
            }
        }
    }

    private static void write() throws Exception {
        Files.createDirectories(DIR);
        TransactionKind kind = new TransactionKind();
        try (var model = kind.newTrainer(io.merx.api.HyperParameters.of(kind.parameters(),
                Map.of("graphFeatures", "data"))).train(SimulatedShop.orders(FraudScenario.DEMO.scaled(150, 5)),
                        io.merx.api.TrainingContext.silent())) {
            model.save(DIR);
        }
        Properties expected = new Properties();
        try (Scorer scorer = kind.load(DIR)) {
            for (int i = 0; i < REQUESTS.size(); i++) {
                ScoreResult result = scorer.score(REQUESTS.get(i));
                expected.setProperty(i + ".probability", Double.toString(result.number("probability")));
                expected.setProperty(i + ".decision", result.text("decision"));
            }
        }
        try (var out = Files.newOutputStream(DIR.resolve("expected.properties"))) {
            expected.store(out, "risk.transaction format 1: answers of the saved model");
        }
    }
}
