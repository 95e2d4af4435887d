package io.merx.sdk.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ModelLoadException;
import io.merx.api.ParameterSpec;
import io.merx.api.TrainedModel;
import io.merx.api.Trainer;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

class KindSdkTest {

    private static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("seed", 42, 0, 100, "seed"));

    /** The smallest kind the SDK allows. */
    private static final class TinyKind extends BaseKind {
        TinyKind() {
            super("test.tiny", "a tiny kind", PARAMETERS, TinyTrainer::new, dir -> {
                throw new ModelLoadException("no model in " + dir.getFileName());
            });
        }
    }

    /** A kind that checks more before training, overriding what the SDK does. */
    private static final class CarefulKind extends BaseKind {
        CarefulKind() {
            super("test.careful", "a careful kind", PARAMETERS, TinyTrainer::new, dir -> null);
        }

        @Override
        public Trainer newTrainer(HyperParameters hyperParameters) {
            if (hyperParameters.getInt("seed") == 13) {
                throw new IllegalArgumentException("hyper-parameter 'seed' must not be 13");
            }
            return super.newTrainer(hyperParameters);
        }
    }

    private static final class TinyTrainer extends BaseTrainer {
        TinyTrainer(ModelKind kind, HyperParameters hp) {
            super(kind, hp);
        }

        @Override
        public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
            checkCancelled(context, "before anything");
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void kindHoldsItsIdentity() {
        TinyKind kind = new TinyKind();
        assertEquals("test.tiny", kind.name());
        // A kind compiled with the tests has no bundle and no manifest beside it.
        assertEquals(KindVersion.UNKNOWN, kind.version());
        assertEquals("a tiny kind", kind.description());
        assertEquals(PARAMETERS, kind.parameters());
        assertEquals("test.tiny 0.0.0", kind.toString());
    }

    @Test
    void kindLoadsThroughItsLoader() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> new TinyKind().load(Path.of("m1")));
        assertEquals("no model in m1", e.getMessage());
    }

    @Test
    void aKindThatOverridesNewTrainerStillUsesItsFactory() {
        CarefulKind kind = new CarefulKind();
        HyperParameters thirteen = HyperParameters.of(kind.parameters(), Map.of("seed", 13));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> kind.newTrainer(thirteen));
        assertEquals("hyper-parameter 'seed' must not be 13", refused.getMessage());
        HyperParameters seven = HyperParameters.of(kind.parameters(), Map.of("seed", 7));
        assertInstanceOf(TinyTrainer.class, kind.newTrainer(seven));
    }

    @Test
    void trainerKeepsItsHyperParametersAndStopsWhenCancelled() {
        TinyKind kind = new TinyKind();
        HyperParameters hp = HyperParameters.of(kind.parameters(), Map.of("seed", 7));
        Trainer trainer = kind.newTrainer(hp);
        assertEquals(hp, trainer.hyperParameters());
        TrainingContext cancelled = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        TrainingException stopped = assertThrows(TrainingException.class, () -> trainer.train(null, cancelled));
        assertEquals("cancelled before anything", stopped.getMessage());
    }
}
