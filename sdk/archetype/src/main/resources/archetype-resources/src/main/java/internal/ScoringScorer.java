package ${package}.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Scores with a loaded model. Thread-safe: weights are read-only; the lock only keeps close() from freeing
 * native buffers under a running call.
 */
final class ScoringScorer implements Scorer {

    private final ScoringModel model;
    private final InputSchema schema;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    ScoringScorer(ScoringModel model) {
        this.model = model;
        this.schema = model.inputSchema();
    }

    @Override
    public InputSchema inputSchema() {
        return schema;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        return scoreBatch(List.of(request)).get(0);
    }

    @Override
    public List<ScoreResult> scoreBatch(List<ScoreRequest> requests) throws ScoringException {
        double[][] rows = new double[requests.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[model.features().size()];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = requests.get(i).number(model.features().get(j));
            }
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ScoringException("scorer is closed");
            }
            double[] p;
            try (INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE)) {
                p = model.predict(x).toDoubleVector();
            }
            List<ScoreResult> results = new ArrayList<>();
            for (double probability : p) {
                results.add(ScoreResult.builder().put("probability", probability)
                        .put("decision", probability >= 0.5 ? "target" : "skip").build());
            }
            return results;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public long nativeMemoryBytes() {
        return model.nativeBytes();
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
