package io.merx.risk.transaction;

import java.util.ArrayDeque;
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
import io.merx.graph.GraphUnavailableException;
import io.merx.sdk.kind.PlattScaling;
import io.merx.risk.RankMetrics;
import io.merx.sdk.kind.BaseTrainer;

/**
 * Trains {@code risk.transaction} on orders in time order: the weights on the oldest {@code 1 - calibration -
 * holdout} of them, the calibration on the next slice, the metrics on the newest, as a shop would deploy it. Every
 * order's features are computed point in time ({@link #pointInTimeFeatures}). The saved model carries the full
 * graph (Neo4j's after ingesting the data, or the whole file's) and the full order history, so it scores new
 * orders against everything known.
 */
final class TransactionTrainer extends BaseTrainer {

    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.choice("graphFeatures", "neo4j", List.of("neo4j", "data", "none"),
                    "where the identifier graph comes from: neo4j (the graph module's database, after ingesting the"
                            + " data), data (the training file only), none (no graph features)"),
            ParameterSpec.text("graph", "risk", "name of the Neo4j graph the accounts are ingested into and read from"),
            ParameterSpec.integer("maxSharedAccounts", 50, 2, 1_000_000,
                    "identifiers used by more accounts are hubs (a marketplace address) and link nothing"),
            ParameterSpec.integer("labelDelayDays", 7, 0, 3_650,
                    "days after an order before its fraud label is known (chargebacks arrive late); training reads the"
                            + " graph of each order as it was then"),
            ParameterSpec.real("l2", 0.001, 0, 100, "L2 penalty of the logistic model"),
            ParameterSpec.real("missedFraudCost", 10, 1e-6, 1e9, "cost of allowing a fraudulent order"),
            ParameterSpec.real("blockedGoodCost", 1, 1e-6, 1e9, "cost of blocking a good order"),
            ParameterSpec.real("reviewCost", 0.5, 1e-6, 1e9, "cost of one manual review"),
            ParameterSpec.real("calibration", 0.2, 0.05, 0.45, "share of orders (after the fit slice) that calibrate"),
            ParameterSpec.real("holdout", 0.2, 0.05, 0.45, "share of the newest orders held out for the metrics"));

    private final Neo4jAccess neo4j;

    TransactionTrainer(ModelKind kind, Neo4jAccess neo4j, HyperParameters hp) {
        super(kind, hp);
        this.neo4j = neo4j;
        new CostPolicy(hp.getDouble("missedFraudCost"), hp.getDouble("blockedGoodCost"), hp.getDouble("reviewCost"));
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        List<TransactionColumns.Labelled> labelled = TransactionColumns.read(data);
        int n = labelled.size();
        int[] ends = sliceEnds(n, hp.getDouble("calibration"), hp.getDouble("holdout"));
        int fitEnd = ends[0];
        int calibrationEnd = ends[1];
        boolean[] y = new boolean[n];
        List<Order> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(labelled.get(i).order());
            y[i] = labelled.get(i).fraud();
        }
        requireBothClasses(y, 0, fitEnd, "fit");
        requireBothClasses(y, fitEnd, calibrationEnd, "calibration");
        String source = hp.getString("graphFeatures");
        int maxShared = hp.getInt("maxSharedAccounts");
        OrderHistory history = OrderHistory.of(orders);
        context.progress(0.1, "computing features of " + n + " orders");
        double[][] raw = pointInTimeFeatures(labelled, history, "none".equals(source) ? -1 : maxShared,
                hp.getInt("labelDelayDays") * 86_400L);
        checkCancelled(context, "after the features");
        List<String> names = OrderFeatures.names(!"none".equals(source));
        int d = names.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        standardisation(raw, fitEnd, mean, scale);
        double[][] z = new double[fitEnd][];
        boolean[] fitLabels = new boolean[fitEnd];
        int positives = 0;
        for (int i = 0; i < fitEnd; i++) {
            z[i] = standardise(raw[i], mean, scale);
            fitLabels[i] = y[i];
            positives += y[i] ? 1 : 0;
        }
        // Balanced class weights: the fraud rows weigh as much in total as the good ones.
        double positiveWeight = (double) (fitEnd - positives) / positives;
        double[] rowWeight = new double[fitEnd];
        for (int i = 0; i < fitEnd; i++) {
            rowWeight[i] = y[i] ? positiveWeight : 1;
        }
        context.progress(0.3, "fitting the logistic model on " + fitEnd + " orders");
        double[] beta = WeightedLogistic.fit(z, fitLabels, rowWeight, hp.getDouble("l2"));
        checkCancelled(context, "after the fit");
        PlattScaling calibration = PlattScaling.fit(logits(raw, beta, mean, scale, fitEnd, calibrationEnd),
                java.util.Arrays.copyOfRange(y, fitEnd, calibrationEnd));
        CostPolicy costs = new CostPolicy(hp.getDouble("missedFraudCost"), hp.getDouble("blockedGoodCost"),
                hp.getDouble("reviewCost"));
        Map<String, Double> metrics = heldOutMetrics(raw, y, beta, mean, scale, calibration, costs, calibrationEnd);
        metrics.put("fitOrders", (double) fitEnd);
        metrics.put("positiveWeight", positiveWeight);
        IdentifierGraph full = switch (source) {
            case "none" -> null;
            case "data" -> fromData(labelled, maxShared);
            default -> fromNeo4j(labelled, maxShared, context);
        };
        if (full != null) {
            metrics.put("graphAccounts", (double) full.accounts());
            metrics.put("graphRings", (double) full.rings());
            metrics.put("graphKnownFraud", (double) full.fraudAccounts().size());
        }
        TransactionModel model = new TransactionModel(names, mean, scale, beta, calibration, costs, source,
                List.copyOf(orders), history, full);
        context.progress(1, "done");
        return TrainedModel.of(provenance(data, metrics), TransactionScorer.SCHEMA, warmup(orders),
                directory -> TransactionModelFiles.write(model, directory));
    }

    /** PR AUC, ROC AUC, recall at 1 % FPR, Brier score and the cost of the decisions on the newest orders. */
    private static Map<String, Double> heldOutMetrics(double[][] raw, boolean[] y, double[] beta, double[] mean,
            double[] scale, PlattScaling calibration, CostPolicy costs, int from) {
        int m = raw.length - from;
        double[] p = new double[m];
        boolean[] truth = new boolean[m];
        double brier = 0;
        double cost = 0;
        double allowAllCost = 0;
        int reviewed = 0;
        int blocked = 0;
        int positives = 0;
        for (int i = 0; i < m; i++) {
            p[i] = calibration.probability(WeightedLogistic.logit(beta, standardise(raw[from + i], mean, scale)));
            truth[i] = y[from + i];
            positives += truth[i] ? 1 : 0;
            brier += Math.pow(p[i] - (truth[i] ? 1 : 0), 2);
            CostPolicy.Decision decision = costs.decide(p[i]);
            cost += costs.cost(decision, truth[i]);
            allowAllCost += costs.cost(CostPolicy.Decision.ALLOW, truth[i]);
            reviewed += decision == CostPolicy.Decision.REVIEW ? 1 : 0;
            blocked += decision == CostPolicy.Decision.BLOCK ? 1 : 0;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("prAuc", RankMetrics.prAuc(p, truth));
        metrics.put("rocAuc", RankMetrics.rocAuc(p, truth));
        metrics.put("recallAt1PctFpr", RankMetrics.recallAtFpr(p, truth, 0.01));
        metrics.put("brier", brier / Math.max(1, m));
        metrics.put("costPerOrder", cost / Math.max(1, m));
        metrics.put("allowAllCostPerOrder", allowAllCost / Math.max(1, m));
        metrics.put("reviewRate", (double) reviewed / Math.max(1, m));
        metrics.put("blockRate", (double) blocked / Math.max(1, m));
        metrics.put("heldOutOrders", (double) m);
        metrics.put("heldOutFraud", (double) positives);
        return metrics;
    }

    /** Where the fit slice and the calibration slice of n orders in time order end; the held-out slice follows. */
    static int[] sliceEnds(int n, double calibration, double holdout) {
        return new int[] {(int) Math.round(n * (1 - calibration - holdout)), (int) Math.round(n * (1 - holdout))};
    }

    /**
     * Each order's features as they were when it was placed: velocity from the orders before it, the graph grown
     * from the identifiers of the orders before it, fraud flags from the labels known by then (a label becomes
     * known {@code labelDelay} seconds after its order, as chargebacks arrive late). Training thus sees what
     * scoring will see, and a ring is not "known" to the model before its members have been caught.
     *
     * @param maxShared hub threshold, or -1 for no graph features
     */
    static double[][] pointInTimeFeatures(List<TransactionColumns.Labelled> orders, OrderHistory history,
            int maxShared, long labelDelay) {
        IdentifierGraph graph = maxShared < 0 ? null : new IdentifierGraph(maxShared);
        ArrayDeque<TransactionColumns.Labelled> pending = new ArrayDeque<>();
        double[][] raw = new double[orders.size()][];
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i).order();
            if (graph != null) {
                while (!pending.isEmpty() && pending.peek().order().time() + labelDelay <= order.time()) {
                    graph.markFraud(pending.poll().order().account());
                }
            }
            raw[i] = OrderFeatures.raw(order, history, graph);
            if (graph != null) {
                addUses(graph, order);
                if (orders.get(i).fraud()) {
                    pending.add(orders.get(i));
                }
            }
        }
        return raw;
    }

    /** The graph of all the orders, every label known: the snapshot of graphFeatures=data. */
    static IdentifierGraph fromData(List<TransactionColumns.Labelled> orders, int maxShared) {
        IdentifierGraph graph = new IdentifierGraph(maxShared);
        for (TransactionColumns.Labelled l : orders) {
            addUses(graph, l.order());
        }
        orders.stream().filter(TransactionColumns.Labelled::fraud).map(l -> l.order().account()).sorted()
                .forEach(graph::markFraud);
        return graph;
    }

    private static void addUses(IdentifierGraph graph, Order order) {
        for (int type = 0; type < Order.IDENTIFIER_TYPES.size(); type++) {
            graph.add(order.account(), Order.IDENTIFIER_TYPES.get(type), order.identifier(type));
        }
    }

    private IdentifierGraph fromNeo4j(List<TransactionColumns.Labelled> orders, int maxShared,
            TrainingContext context) throws TrainingException {
        String graph = hp.getString("graph").isBlank() ? "risk" : hp.getString("graph").strip();
        try {
            return Neo4jIdentifiers.load(neo4j.await(context), graph, orders, maxShared,
                    f -> context.progress(0.6 + 0.3 * f, "ingesting accounts into graph " + graph));
        } catch (GraphUnavailableException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    private static void requireBothClasses(boolean[] y, int from, int to, String slice) {
        int positives = 0;
        for (int i = from; i < to; i++) {
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == to - from) {
            throw new IllegalArgumentException("column 'fraud': the " + slice + " slice (" + (to - from) + " orders)"
                    + " needs both fraudulent and good orders, it has " + positives + " fraudulent");
        }
    }

    private static void standardisation(double[][] raw, int rows, double[] mean, double[] scale) {
        int d = mean.length;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += raw[i][j] / rows;
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                scale[j] += Math.pow(raw[i][j] - mean[j], 2) / rows;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
    }

    private static double[] standardise(double[] raw, double[] mean, double[] scale) {
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (raw[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static double[] logits(double[][] raw, double[] beta, double[] mean, double[] scale, int from, int to) {
        double[] s = new double[to - from];
        for (int i = from; i < to; i++) {
            s[i - from] = WeightedLogistic.logit(beta, standardise(raw[i], mean, scale));
        }
        return s;
    }

    private static List<ScoreRequest> warmup(List<Order> orders) {
        Order o = orders.get(orders.size() - 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("customer", o.account());
        request.put("order_time", java.time.LocalDateTime.ofEpochSecond(o.time(), 0, java.time.ZoneOffset.UTC)
                .toString());
        request.put("amount", o.amount());
        if (o.card() != null) {
            request.put("card", o.card());
        }
        return List.of(ScoreRequest.of(request));
    }
}
