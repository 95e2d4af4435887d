package io.merx.example.linear.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Scores with loaded {@link LinearParameters}. Weights are read-only after loading, so concurrent scoring needs
 * no lock; the read-write lock only keeps {@link #close()} from freeing buffers under a running call. The runtime
 * already closes a scorer only after the last request holding its version released it (merx-runtime's
 * {@code LoadedVersion} reference count); the lock stays because the weights are ND4J buffers off the heap, where a
 * call that slipped past that rule (another caller, a bug) would read freed memory and crash the JVM rather than fail
 * one request.
 *
 * <p>A single row, the REST path's usual call, goes through a {@link PreparedRowProduct} from a small pool, so it
 * makes no new ND4J buffers; a batch of several rows makes its arrays once for the whole batch.
 */
final class LinearScorer implements Scorer {

    /** Idle single-row products kept for reuse; more concurrent callers than this make and close their own. */
    private static final int POOLED_PRODUCTS = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private final LinearParameters params;
    private final LinearParameters.Folded folded;
    private final InputSchema schema;
    private final BlockingQueue<PreparedRowProduct> idleProducts = new ArrayBlockingQueue<>(POOLED_PRODUCTS);
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    LinearScorer(LinearParameters params) {
        this.params = params;
        this.folded = params.fold();
        this.schema = schema(params);
    }

    static InputSchema schema(LinearParameters params) {
        List<FieldSpec> fields = new ArrayList<>();
        for (String feature : params.features()) {
            fields.add(FieldSpec.required(feature, FieldType.NUMBER, "feature " + feature));
        }
        return new InputSchema(fields, false);
    }

    /** Predictions for raw (unstandardised) rows that end in a 1, one per row: values or probabilities. */
    static INDArray predict(LinearParameters.Folded folded, boolean classification, INDArray rawRowsAndOne) {
        INDArray out = rawRowsAndOne.mmul(folded.weights());
        return classification ? Transforms.sigmoid(out, false) : out;
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
        List<String> features = params.features();
        int width = features.size() + 1;
        double[] rows = new double[requests.size() * width];
        for (int i = 0; i < requests.size(); i++) {
            ScoreRequest request = requests.get(i);
            for (int j = 0; j < features.size(); j++) {
                rows[i * width + j] = request.number(features.get(j));
            }
            rows[i * width + features.size()] = 1; // times the intercept
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ScoringException("scorer is closed");
            }
            double[] predictions = requests.size() == 1 ? new double[] {predictOneRow(rows)}
                    : predictRows(rows, requests.size(), width);
            List<ScoreResult> results = new ArrayList<>(predictions.length);
            for (double p : predictions) {
                if (!Double.isFinite(p)) {
                    throw new ScoringException("prediction is not finite; inputs are out of the model's range");
                }
                ScoreResult.Builder result = ScoreResult.builder();
                if (params.classification()) {
                    result.put("probability", p).put("label", p >= 0.5 ? 1 : 0);
                } else {
                    result.put("prediction", p);
                }
                results.add(result.build());
            }
            return results;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private double predictOneRow(double[] rowAndOne) {
        PreparedRowProduct product = idleProducts.poll();
        if (product == null) {
            product = new PreparedRowProduct(folded.weights());
        }
        try {
            double z = product.apply(rowAndOne, 0);
            return params.classification() ? 1 / (1 + Math.exp(-z)) : z;
        } finally {
            if (!idleProducts.offer(product)) {
                product.close();
            }
        }
    }

    private double[] predictRows(double[] rowsAndOnes, int rows, int width) {
        try (INDArray x = Nd4j.create(rowsAndOnes, new long[] {rows, width}, DataType.DOUBLE);
                INDArray out = predict(folded, params.classification(), x)) {
            return out.toDoubleVector();
        }
    }

    @Override
    public long nativeMemoryBytes() {
        return params.nativeBytes() + folded.weights().length() * folded.weights().data().getElementSize();
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                for (PreparedRowProduct product; (product = idleProducts.poll()) != null; ) {
                    product.close();
                }
                folded.close();
                params.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
