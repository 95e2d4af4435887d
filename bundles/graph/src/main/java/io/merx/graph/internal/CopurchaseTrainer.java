package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.Dataset;
import io.merx.api.HyperParameters;
import io.merx.api.ModelKind;
import io.merx.api.ParameterSpec;
import io.merx.api.ScoreRequest;
import io.merx.api.TrainedModel;
import io.merx.api.TrainingContext;
import io.merx.api.TrainingException;
import io.merx.graph.IngestOptions;

/**
 * Ingests the data, reads every order of the graph back, and snapshots co-purchase statistics. The held-back
 * orders (by stable bucket) measure hit-rate@10: for each of their products, are the other products of the
 * same order enough to put it in the top 10? The saved model is then rebuilt from all orders.
 */
final class CopurchaseTrainer extends GraphTrainer {

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("basket", "order", List.of("order", "customer"),
                    "order: frequently bought together in one order; customer: customers who bought X also bought"),
            ParameterSpec.choice("rankBy", "lift", List.of("lift", "confidence", "count"),
                    "how partners are ranked; count is the raw-count baseline"),
            ParameterSpec.integer("minCount", 2, 1, 1_000_000, "pairs seen fewer times are ignored (lift is noisy on rare pairs)"),
            ParameterSpec.integer("neighbours", 50, 1, 10_000, "partners kept per product in the snapshot"),
            ParameterSpec.real("holdout", 0.2, 0, 0.9, "fraction of orders held back to measure hit-rate@10"));

    private static final int MAX_EVAL_QUERIES = 5_000;

    CopurchaseTrainer(ModelKind kind, TrainingStore stores, HyperParameters hp) {
        super(kind, stores, hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        IngestOptions options = IngestParameters.options(hp, data);
        OrderGraph graph = ingestOrders(data, options, context, 0.7);
        double holdout = hp.getDouble("holdout");
        List<OrderGraph.Basket> train = new ArrayList<>();
        List<OrderGraph.Basket> test = new ArrayList<>();
        for (OrderGraph.Basket b : graph.baskets) {
            (Buckets.heldOut(b.bucket(), holdout) ? test : train).add(b);
        }
        checkCancelled(context, "after reading the orders");
        context.progress(0.8, "counting co-purchases of " + graph.baskets.size() + " orders");
        Map<String, Double> metrics = new LinkedHashMap<>();
        CopurchaseModel evaluation = build(graph, train);
        metrics.put("hitRate@10", hitRate(evaluation, test, metrics));
        CopurchaseModel model = build(graph, graph.baskets);
        metrics.put("products", (double) model.products.length);
        metrics.put("baskets", (double) model.baskets);
        metrics.put("pairsKept", (double) model.pairsKept());
        context.progress(1, "done");
        return TrainedModel.of(provenance(data, metrics), CopurchaseScorer.SCHEMA, warmup(model),
                directory -> CopurchaseFiles.write(model, directory));
    }

    private CopurchaseModel build(OrderGraph graph, List<OrderGraph.Basket> orders) {
        List<int[]> baskets = "customer".equals(hp.getString("basket"))
                ? new ArrayList<>(OrderGraph.byCustomer(orders).values())
                : orders.stream().map(OrderGraph.Basket::products).toList();
        PairCounts counts = PairCounts.count(graph.products.length, baskets);
        return CopurchaseModel.build(hp.getString("basket"), hp.getString("rankBy"), hp.getInt("minCount"),
                hp.getInt("neighbours"), graph.products, graph.categories, counts);
    }

    /** Leave-one-out over held-back orders of two or more products. */
    private static double hitRate(CopurchaseModel model, List<OrderGraph.Basket> test, Map<String, Double> metrics) {
        int queries = 0;
        int hits = 0;
        for (OrderGraph.Basket b : test) {
            int[] items = b.products();
            for (int t = 0; t < items.length && items.length > 1 && queries < MAX_EVAL_QUERIES; t++) {
                int[] query = new int[items.length - 1];
                for (int i = 0, j = 0; i < items.length; i++) {
                    if (i != t) {
                        query[j++] = items[i];
                    }
                }
                final int target = items[t];
                queries++;
                if (model.recommend(query, 10, null, false).stream().anyMatch(m -> m.product() == target)) {
                    hits++;
                }
            }
        }
        metrics.put("heldOutQueries", (double) queries);
        return queries == 0 ? 0 : (double) hits / queries;
    }

    private static List<ScoreRequest> warmup(CopurchaseModel model) {
        List<Integer> top = model.popular(2, null, new int[0]);
        List<ScoreRequest> samples = new ArrayList<>();
        for (int i : top) {
            samples.add(ScoreRequest.of(Map.of("product", model.products[i], "limit", 5)));
        }
        if (top.size() == 2) {
            samples.add(ScoreRequest.of(Map.of("products", List.of(model.products[top.get(0)],
                    model.products[top.get(1)]))));
        }
        return samples;
    }
}
