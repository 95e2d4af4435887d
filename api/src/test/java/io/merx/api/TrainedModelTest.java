package io.merx.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelTest {

    private final Provenance provenance = new Provenance("test.kind", "1.0.0", Map.of(), "fp", 3, Instant.EPOCH,
            "1.0.0", "17", "linux", Map.of("rmse", 0.5));
    private final InputSchema schema = InputSchema.of(FieldSpec.required("x", FieldType.NUMBER, "x"));

    @Test
    void closeFreesOnceHoweverOftenItIsCalled() {
        AtomicInteger frees = new AtomicInteger();
        TrainedModel model = TrainedModel.of(provenance, schema, List.of(), dir -> { }, frees::incrementAndGet);
        model.close();
        model.close();
        assertEquals(1, frees.get());
    }

    @Test
    void savesThroughTheFunctionUntilClosed(@TempDir Path dir) throws Exception {
        TrainedModel model = TrainedModel.of(provenance, schema, List.of(),
                d -> Files.writeString(d.resolve("weights"), "1,2,3"));
        model.save(dir);
        assertEquals("1,2,3", Files.readString(dir.resolve("weights")));
        model.close();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> model.save(dir));
        assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
    }

    @Test
    void keepsWhatItWasGivenAndCopiesTheWarmupSamples() {
        List<ScoreRequest> warmup = new ArrayList<>(List.of(ScoreRequest.of(Map.of("x", 1))));
        TrainedModel model = TrainedModel.of(provenance, schema, warmup, dir -> { });
        warmup.clear();
        assertEquals(1, model.warmupSamples().size());
        assertEquals(provenance, model.provenance());
        assertEquals(schema, model.inputSchema());
    }
}
