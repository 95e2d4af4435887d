package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Ingests accounts, identifiers and orders, reads the account graph back and snapshots its rings. The metric:
 * hide the fraud flag of a stable fraction of known-fraud accounts, score everyone, and measure how well the
 * hidden fraudsters rank above accounts not flagged (ROC AUC).
 */
final class FraudTrainer extends GraphTrainer {

    /** The hyper-parameters this trainer reads, with their defaults and bounds: the kind publishes them. */
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.integer("maxSharedAccounts", 50, 2, 1_000_000,
                    "identifiers used by more accounts are hubs (office IP, marketplace address) and link nothing"),
            ParameterSpec.integer("velocityDays", 7, 1, 3_650, "window, before the newest order, for ring velocity"),
            ParameterSpec.real("bias", 4, -100, 100, "risk = sigmoid(features . weights - bias)"),
            ParameterSpec.real("ringWeight", 1, 0, 100, "weight of ln(ring size)"),
            ParameterSpec.real("velocityWeight", 1, 0, 100, "weight of ln(1 + ring orders per day)"),
            ParameterSpec.real("proximityWeight", 4, 0, 100, "weight of 1 / hops to the nearest known fraud account"),
            ParameterSpec.real("knownFraudWeight", 6, 0, 100, "weight of the account itself being flagged"),
            ParameterSpec.real("holdout", 0.3, 0, 0.9, "fraction of fraud flags hidden to measure AUC"));

    static final String ACCOUNTS = """
            MATCH (c:Customer {graph: $graph})
            RETURN c.id AS account, coalesce(c.fraud, false) AS fraud
            ORDER BY account
            """;
    static final String USES = """
            MATCH (c:Customer {graph: $graph})-[:USES]->(i:Identifier)
            RETURN c.id AS account, i.type AS type, i.value AS value
            ORDER BY type, value, account
            """;
    static final String ORDER_DAYS = """
            MATCH (c:Customer {graph: $graph})-[:PLACED]->(o:Order)
            WHERE o.day IS NOT NULL
            RETURN c.id AS account, collect(o.day) AS days
            """;

    /** What training reads back from the account graph. */
    private record AccountRows(List<Map<String, Object>> accounts, List<Map<String, Object>> uses,
            List<Map<String, Object>> days) {
    }

    FraudTrainer(ModelKind kind, TrainingStore stores, HyperParameters hp) {
        super(kind, stores, hp);
    }

    @Override
    public TrainedModel train(Dataset data, TrainingContext context) throws TrainingException {
        IngestOptions options = IngestParameters.options(hp, data);
        if (IngestOptions.IDENTIFIER_COLUMNS.stream().noneMatch(data::hasColumn)) {
            throw new IllegalArgumentException("graph.fraud needs at least one identifier column of "
                    + IngestOptions.IDENTIFIER_COLUMNS + "; the data has " + data.columnNames());
        }
        Map<String, Object> params = Map.of("graph", options.graph());
        AccountRows rows = ingestAndRead(data, options, context, 0.7, "accounts", store -> new AccountRows(
                store.query(ACCOUNTS, params), store.query(USES, params), store.query(ORDER_DAYS, params)));
        List<Map<String, Object>> accountRows = rows.accounts();
        List<Map<String, Object>> useRows = rows.uses();
        List<Map<String, Object>> dayRows = rows.days();
        String[] accounts = accountRows.stream().map(r -> (String) r.get("account")).toArray(String[]::new);
        boolean[] fraud = new boolean[accounts.length];
        for (int i = 0; i < accounts.length; i++) {
            fraud[i] = Boolean.TRUE.equals(accountRows.get(i).get("fraud"));
        }
        List<FraudAnalysis.Use> uses = useRows.stream().map(r -> new FraudAnalysis.Use((String) r.get("account"),
                (String) r.get("type"), (String) r.get("value"))).toList();
        Map<String, long[]> days = new HashMap<>();
        for (Map<String, Object> r : dayRows) {
            days.put((String) r.get("account"),
                    ((List<?>) r.get("days")).stream().mapToLong(d -> ((Number) d).longValue()).toArray());
        }
        context.progress(0.85, "finding rings among " + accounts.length + " accounts");
        FraudModel.Weights weights = new FraudModel.Weights(hp.getDouble("bias"), hp.getDouble("ringWeight"),
                hp.getDouble("velocityWeight"), hp.getDouble("proximityWeight"), hp.getDouble("knownFraudWeight"));
        int velocityDays = hp.getInt("velocityDays");
        int maxShared = hp.getInt("maxSharedAccounts");
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean[] visible = fraud.clone();
        boolean[] hidden = new boolean[fraud.length];
        for (int i = 0; i < fraud.length; i++) {
            if (fraud[i] && Buckets.heldOut(Buckets.of(accounts[i]), hp.getDouble("holdout"))) {
                visible[i] = false;
                hidden[i] = true;
            }
        }
        FraudModel evaluation = FraudAnalysis.build(weights, velocityDays, maxShared, accounts, visible, uses, days);
        metrics.put("auc", auc(evaluation, fraud, hidden, metrics));
        FraudModel model = FraudAnalysis.build(weights, velocityDays, maxShared, accounts, fraud, uses, days);
        metrics.put("accounts", (double) accounts.length);
        metrics.put("knownFraud", (double) count(fraud));
        metrics.put("rings", (double) Arrays.stream(model.componentSize).filter(s -> s > 1).count());
        metrics.put("largestRing", (double) Arrays.stream(model.componentSize).max().orElse(0));
        context.progress(1, "done");
        return TrainedModel.of(provenance(data, metrics), FraudScorer.SCHEMA, warmup(model),
                directory -> FraudFiles.write(model, directory));
    }

    /** Mann-Whitney AUC of hidden fraudsters against accounts never flagged; 0.5 when either side is empty. */
    private static double auc(FraudModel model, boolean[] fraud, boolean[] hidden, Map<String, Double> metrics) {
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < fraud.length; i++) {
            if (hidden[i] || !fraud[i]) {
                int c = model.accountComponent[i];
                double risk = model.risk(model.componentSize[c], model.velocity(model.componentRecentOrders[c]),
                        model.hops[i], false);
                (hidden[i] ? positives : negatives).add(risk);
            }
        }
        metrics.put("aucPositives", (double) positives.size());
        if (positives.isEmpty() || negatives.isEmpty()) {
            return 0.5;
        }
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static List<ScoreRequest> warmup(FraudModel model) {
        List<ScoreRequest> samples = new ArrayList<>();
        if (model.accounts.length > 0) {
            samples.add(ScoreRequest.of(Map.of("account", model.accounts[0])));
        }
        if (model.types.length > 0) {
            samples.add(ScoreRequest.of(Map.of(model.types[0], model.values[0])));
        }
        return samples;
    }
}
