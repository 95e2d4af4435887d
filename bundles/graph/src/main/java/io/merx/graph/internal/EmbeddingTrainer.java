package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.GraphStore;
import io.merx.graph.GraphUnavailableException;
import io.merx.graph.IngestOptions;

/**
 * Ingests the data, reads the customer-product graph back and embeds it with {@link FastRp}. Link prediction
 * on held-back orders measures it: for each new (customer, product) pair, is the product in the customer's
 * top 10 among products not bought before? The same is measured for plain co-purchase counts (score of p =
 * how often p was bought by customers together with the customer's products), the baseline.
 */
final class EmbeddingTrainer extends GraphTrainer {

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("dimension", 256, 8, 2_048,
                    "embedding length; random projections need a few hundred to keep similarities apart"),
            ParameterSpec.text("iterationWeights", "0,1,1,1",
                    "weight of the random projection, then of each propagation step (FastRP); their count - 1 is"
                            + " the number of steps"),
            ParameterSpec.integer("seed", 42, 0, Long.MAX_VALUE, "seed of the random projection"),
            ParameterSpec.bool("writeBack", false, "also store the vectors as property 'embedding' on the nodes"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of orders held back to measure hit-rate@10"));

    private static final int MAX_EVAL_PAIRS = 3_000;
    private static final int WRITE_BATCH = 1_000;
    static final String PRODUCT_EMBEDDINGS =
            "UNWIND $rows AS row MATCH (n:Product {graph: $graph, id: row.id}) SET n.embedding = row.vector";
    static final String CUSTOMER_EMBEDDINGS =
            "UNWIND $rows AS row MATCH (n:Customer {graph: $graph, id: row.id}) SET n.embedding = row.vector";

    private final double[] weights;

    /** Refuses malformed iteration weights here, before the job waits for Neo4j. */
    EmbeddingTrainer(ModelKind kind, TrainingStore stores, HyperParameters hp) {
        super(kind, stores, hp);
        this.weights = weights(hp.getString("iterationWeights"));
    }

    static double[] weights(String text) {
        try {
            double[] weights = Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble)
                    .toArray();
            if (weights.length < 2 || weights.length > 11 || Arrays.stream(weights).anyMatch(w -> !Double.isFinite(w))) {
                throw new NumberFormatException();
            }
            return weights;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter 'iterationWeights' must be 2 to 11 comma-separated"
                    + " numbers (weight of the random projection, then of each propagation step), got '" + text + "'");
        }
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        IngestOptions options = IngestParameters.options(hp, data);
        OrderGraph graph = ingestOrders(data, options, context, 0.5);
        List<OrderGraph.Basket> train = new ArrayList<>();
        List<OrderGraph.Basket> test = new ArrayList<>();
        for (OrderGraph.Basket b : graph.baskets) {
            (Buckets.heldOut(b.bucket(), hp.getDouble("holdout")) ? test : train).add(b);
        }
        int dimension = hp.getInt("dimension");
        long seed = hp.getLong("seed");
        Map<String, Double> metrics = new LinkedHashMap<>();
        context.progress(0.6, "embedding " + graph.products.length + " products (evaluation split)");
        try (EmbeddingModel evaluation = embed(graph, train, dimension, weights, seed)) {
            evaluate(evaluation, graph, train, test, metrics);
        }
        GraphStore writeTo = hp.getBoolean("writeBack") ? store(context) : null;
        context.progress(0.8, "embedding " + graph.products.length + " products (all orders)");
        EmbeddingModel model = embed(graph, graph.baskets, dimension, weights, seed);
        metrics.put("customers", (double) model.customers.length);
        metrics.put("products", (double) model.products.length);
        try {
            if (writeTo != null) {
                context.progress(0.9, "writing embeddings back to Neo4j");
                writeBack(writeTo, options.graph(), model);
            }
        } catch (GraphUnavailableException e) {
            model.close();
            throw new TrainingException(e.getMessage(), e);
        }
        context.progress(1, "done");
        // The vectors are ND4J arrays: closing the trained model frees them.
        return TrainedModel.of(provenance(data, metrics), EmbeddingScorer.SCHEMA, warmup(model),
                directory -> EmbeddingFiles.write(model, directory), model::close);
    }

    static EmbeddingModel embed(OrderGraph graph, List<OrderGraph.Basket> orders, int dimension, double[] weights,
            long seed) {
        Map<String, int[]> byCustomer = OrderGraph.byCustomer(orders);
        String[] customers = byCustomer.keySet().toArray(String[]::new);
        int c = customers.length;
        int p = graph.products.length;
        // Edge weight: in how many orders the customer bought the product.
        List<Map<Integer, Integer>> edges = new ArrayList<>(c + p);
        for (int i = 0; i < c + p; i++) {
            edges.add(new TreeMap<>());
        }
        Map<String, Integer> customerIndex = new HashMap<>();
        for (int i = 0; i < c; i++) {
            customerIndex.put(customers[i], i);
        }
        int[] popularity = new int[p];
        for (OrderGraph.Basket b : orders) {
            int u = customerIndex.get(b.customer());
            for (int item : b.products()) {
                edges.get(u).merge(c + item, 1, Integer::sum);
                edges.get(c + item).merge(u, 1, Integer::sum);
                popularity[item]++;
            }
        }
        int[] offsets = new int[c + p + 1];
        for (int v = 0; v < c + p; v++) {
            offsets[v + 1] = offsets[v] + edges.get(v).size();
        }
        int[] targets = new int[offsets[c + p]];
        float[] edgeWeights = new float[targets.length];
        for (int v = 0, e = 0; v < c + p; v++) {
            for (Map.Entry<Integer, Integer> edge : edges.get(v).entrySet()) {
                targets[e] = edge.getKey();
                edgeWeights[e++] = edge.getValue();
            }
        }
        INDArray all = FastRp.embed(new FastRp.Csr(c + p, offsets, targets, edgeWeights), dimension, weights, seed);
        INDArray customerVectors = all.get(NDArrayIndex.interval(0, c), NDArrayIndex.all()).dup();
        INDArray productVectors = all.get(NDArrayIndex.interval(c, c + p), NDArrayIndex.all()).dup();
        all.close();
        return new EmbeddingModel(customers, graph.products, graph.categories, popularity,
                byCustomer.values().toArray(int[][]::new), customerVectors, productVectors,
                Arrays.toString(weights));
    }

    /** Hit-rate@10 of the embedding and of the co-purchase-count baseline on held-back pairs. */
    private static void evaluate(EmbeddingModel model, OrderGraph graph, List<OrderGraph.Basket> train,
            List<OrderGraph.Basket> test, Map<String, Double> metrics) {
        Map<String, int[]> history = OrderGraph.byCustomer(train);
        PairCounts counts = PairCounts.count(graph.products.length, new ArrayList<>(history.values()));
        List<Map<Integer, Integer>> together = new ArrayList<>();
        for (int i = 0; i < graph.products.length; i++) {
            together.add(new HashMap<>());
        }
        counts.forEach((a, b, n) -> {
            together.get(a).put(b, n);
            together.get(b).put(a, n);
        });
        int pairs = 0;
        int embeddingHits = 0;
        int countHits = 0;
        for (OrderGraph.Basket b : test) {
            int[] seen = history.get(b.customer());
            Integer u = model.customer(b.customer());
            if (seen == null || u == null) {
                continue;
            }
            for (int target : b.products()) {
                if (pairs >= MAX_EVAL_PAIRS || Arrays.binarySearch(seen, target) >= 0
                        || model.popularity[target] == 0) {
                    continue;
                }
                pairs++;
                float[] scores;
                try (INDArray row = model.customerVectors.getRow(u, true);
                        INDArray s = model.productVectors.mmul(row.transpose())) {
                    scores = s.toFloatVector();
                }
                embeddingHits += inTop10(scores, seen, target) ? 1 : 0;
                float[] baseline = new float[graph.products.length];
                for (int q : seen) {
                    together.get(q).forEach((p, n) -> baseline[p] += n);
                }
                countHits += inTop10(baseline, seen, target) ? 1 : 0;
            }
        }
        metrics.put("hitRate@10", pairs == 0 ? 0 : (double) embeddingHits / pairs);
        metrics.put("copurchaseCountHitRate@10", pairs == 0 ? 0 : (double) countHits / pairs);
        metrics.put("heldOutPairs", (double) pairs);
    }

    /** Whether target ranks in the top 10 of scores among products not in seen (ties: lower index first). */
    static boolean inTop10(float[] scores, int[] seen, int target) {
        int better = 0;
        for (int p = 0; p < scores.length && better < 10; p++) {
            if (p != target && Arrays.binarySearch(seen, p) < 0
                    && (scores[p] > scores[target] || (scores[p] == scores[target] && p < target))) {
                better++;
            }
        }
        return better < 10;
    }

    private static void writeBack(GraphStore store, String graphName, EmbeddingModel model)
            throws GraphUnavailableException {
        write(store, graphName, PRODUCT_EMBEDDINGS, model.products, model.productVectors);
        write(store, graphName, CUSTOMER_EMBEDDINGS, model.customers, model.customerVectors);
    }

    private static void write(GraphStore store, String graphName, String cypher, String[] ids, INDArray vectors)
            throws GraphUnavailableException {
        for (int from = 0; from < ids.length; from += WRITE_BATCH) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = from; i < Math.min(ids.length, from + WRITE_BATCH); i++) {
                try (INDArray row = vectors.getRow(i)) {
                    float[] v = row.toFloatVector();
                    List<Double> vector = new ArrayList<>(v.length);
                    for (float f : v) {
                        vector.add((double) f);
                    }
                    rows.add(Map.of("id", ids[i], "vector", vector));
                }
            }
            store.write(cypher, Map.of("graph", graphName, "rows", rows));
        }
    }

    private static List<ScoreRequest> warmup(EmbeddingModel model) {
        List<ScoreRequest> samples = new ArrayList<>();
        samples.add(ScoreRequest.of(Map.of("product", model.products[0], "limit", 5)));
        if (model.customers.length > 0) {
            samples.add(ScoreRequest.of(Map.of("customer", model.customers[0], "limit", 5)));
        }
        return samples;
    }
}
