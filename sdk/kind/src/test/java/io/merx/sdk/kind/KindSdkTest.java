package io.merx.sdk.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ParameterSpec;
import io.merx.api.Scorer;
import io.merx.api.TrainedModel;
import io.merx.api.Trainer;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;

class KindSdkTest {

    private static final List<ParameterSpec> PARAMETERS = List.of(ParameterSpec.integer("seed", 42, 0, 100, "seed"));

    /** The smallest kind the SDK allows. */
    private static final class TinyKind extends BaseKind {
        TinyKind(String version) {
            super("test.tiny", version, "a tiny kind", PARAMETERS);
        }

        @Override
        public Trainer newTrainer(HyperParameters hyperParameters) {
            return new TinyTrainer(this, hyperParameters);
        }

        @Override
        public Scorer load(Path modelDirectory) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class TinyTrainer extends BaseTrainer {
        TinyTrainer(TinyKind kind, HyperParameters hp) {
            super(kind, hp);
        }

        @Override
        public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
            checkCancelled(context, "before anything");
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void versionDropsTheQualifier() {
        assertEquals("1.2.3", KindVersion.of(new Version(1, 2, 3, "SNAPSHOT")));
        assertEquals("1.0.0", KindVersion.of(Version.parseVersion("1")));
    }

    @Test
    void kindHoldsItsIdentity() {
        TinyKind kind = new TinyKind("2.0.1");
        assertEquals("test.tiny", kind.name());
        assertEquals("2.0.1", kind.version());
        assertEquals("a tiny kind", kind.description());
        assertEquals(PARAMETERS, kind.parameters());
        assertEquals("test.tiny 2.0.1", kind.toString());
    }

    @Test
    void trainerKeepsItsHyperParametersAndStopsWhenCancelled() {
        TinyKind kind = new TinyKind("1.0.0");
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
