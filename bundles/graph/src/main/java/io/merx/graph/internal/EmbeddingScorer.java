package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;

/**
 * Similar products and customer-to-product recommendations by cosine similarity of FastRP embeddings (rows are
 * unit vectors, so one ND4J matrix-vector product scores every product). The read-write lock only keeps
 * {@link #close()} from freeing the matrices under a running call. The runtime already closes a scorer only after the
 * last request holding its version released it (merx-runtime's {@code LoadedVersion} reference count); the lock
 * stays because the embeddings are ND4J matrices off the heap, where a call that slipped past that rule would read
 * freed memory and crash the JVM rather than fail one request.
 */
final class EmbeddingScorer implements Scorer {

    static final InputSchema SCHEMA = InputSchema.of(
            FieldSpec.optional("customer", FieldType.STRING, "recommend products for this customer"),
            FieldSpec.optional("product", FieldType.STRING,
                    "similar products; with 'customer', also the customer's affinity to it"),
            FieldSpec.optional("limit", FieldType.INTEGER, "how many products to return (default 10)").withRange(1, 100));

    private final EmbeddingModel model;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    EmbeddingScorer(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        String customer = request.text("customer", null);
        String product = request.text("product", null);
        if (customer == null && product == null) {
            throw new IllegalArgumentException("missing field 'customer' or 'product'");
        }
        int limit = (int) request.integer("limit", 10);
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("field 'limit' must be between 1 and 100, got " + limit);
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ScoringException("scorer is closed");
            }
            Integer u = customer == null ? null : model.customer(customer);
            Integer p = product == null ? null : model.product(product);
            ScoreResult.Builder result = ScoreResult.builder();
            List<Object> items;
            if (u != null) {
                items = top(model.customerVectors, u, model.bought[u], limit);
            } else if (p != null && customer == null) {
                items = top(model.productVectors, p, new int[] {p}, limit);
            } else {
                items = popular(limit, p);
            }
            result.put("items", items).put("fallback", u == null && (p == null || customer != null));
            if (u != null && p != null) {
                try (INDArray a = model.customerVectors.getRow(u); INDArray b = model.productVectors.getRow(p)) {
                    result.put("affinity", finite(a.mul(b).sumNumber().doubleValue()));
                }
            }
            return result.build();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<Object> top(INDArray from, int row, int[] exclude, int limit) throws ScoringException {
        float[] scores;
        try (INDArray query = from.getRow(row, true); INDArray s = model.productVectors.mmul(query.transpose())) {
            scores = s.toFloatVector();
        }
        int[] sortedExclude = exclude.clone();
        Arrays.sort(sortedExclude);
        List<Object> items = new ArrayList<>();
        for (int i : IntStream.range(0, scores.length).filter(i -> Arrays.binarySearch(sortedExclude, i) < 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(limit).mapToInt(Integer::intValue).toArray()) {
            items.add(item(i, finite(scores[i])));
        }
        return items;
    }

    private List<Object> popular(int limit, Integer exclude) {
        List<Object> items = new ArrayList<>();
        IntStream.range(0, model.products.length).filter(i -> exclude == null || i != exclude).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -model.popularity[i]).thenComparingInt(i -> i))
                .limit(limit).forEach(i -> items.add(item(i, model.popularity[i])));
        return items;
    }

    private Map<String, Object> item(int product, double score) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product", model.products[product]);
        item.put("category", model.categories[product] == null ? "" : model.categories[product]);
        item.put("score", score);
        return item;
    }

    private static double finite(double value) throws ScoringException {
        if (!Double.isFinite(value)) {
            throw new ScoringException("similarity is not finite; the model is corrupt");
        }
        return value;
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
