package io.merx.graph.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.merx.api.FieldSpec;
import io.merx.api.FieldType;
import io.merx.api.InputSchema;
import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;
import io.merx.api.Scorer;
import io.merx.api.ScoringException;
import io.merx.graph.IngestOptions;

/**
 * Scores an account, or an order's attributes, by the ring it belongs to or would join: ring size, ring
 * velocity and hops to known fraud, with the shared identifiers as evidence. Lock-free over immutable data.
 */
final class FraudScorer implements Scorer {

    static final InputSchema SCHEMA = schema();
    private static final int MAX_EVIDENCE = 10;

    private final FraudModel model;
    private volatile boolean closed;

    FraudScorer(FraudModel model) {
        this.model = model;
    }

    private static InputSchema schema() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.optional("account", FieldType.STRING,
                "account (customer) id; this or at least one identifier is required"));
        for (String type : IngestOptions.IDENTIFIER_COLUMNS) {
            fields.add(FieldSpec.optional(type, FieldType.STRING, type + " used by the order or account"));
        }
        return new InputSchema(fields, false);
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public ScoreResult score(ScoreRequest request) throws ScoringException {
        String account = request.text("account", null);
        Map<String, String> given = new LinkedHashMap<>();
        for (String type : IngestOptions.IDENTIFIER_COLUMNS) {
            String value = request.text(type, null);
            if (value != null && !value.isBlank()) {
                given.put(type, value.trim());
            }
        }
        if (account == null && given.isEmpty()) {
            throw new IllegalArgumentException("missing field 'account' (or one of "
                    + IngestOptions.IDENTIFIER_COLUMNS + ")");
        }
        if (closed) {
            throw new ScoringException("scorer is closed");
        }
        Integer a = account == null ? null : model.account(account);
        Set<Integer> components = new LinkedHashSet<>();
        Set<Integer> evidence = new LinkedHashSet<>();
        int hops = -1;
        boolean knownFraud = false;
        if (a != null) {
            components.add(model.accountComponent[a]);
            hops = model.hops[a];
            knownFraud = model.fraud[a];
            for (int id : model.accountIdentifiers[a]) {
                if (model.identifierAccounts[id] > 1) {
                    evidence.add(id);
                }
            }
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            Integer id = model.identifier(e.getKey(), e.getValue());
            if (id == null) {
                continue;
            }
            boolean own = a != null && contains(model.accountIdentifiers[a], id);
            if (!own) {
                evidence.add(id);
                if (!model.hub(id)) {
                    components.add(model.identifierComponent[id]);
                    int d = model.identifierDistance[id];
                    if (d >= 0 && (hops < 0 || d + 1 < hops)) {
                        hops = d + 1;
                    }
                }
            }
        }
        int ringSize = a == null ? 1 : 0;
        int ringFraud = 0;
        int recent = 0;
        for (int c : components) {
            ringSize += model.componentSize[c];
            ringFraud += model.componentFraud[c];
            recent += model.componentRecentOrders[c];
        }
        double velocity = model.velocity(recent);
        List<Object> shared = new ArrayList<>();
        evidence.stream().sorted((x, y) -> Integer.compare(model.identifierAccounts[y], model.identifierAccounts[x]))
                .limit(MAX_EVIDENCE).forEach(id -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("type", model.types[id]);
                    item.put("value", model.values[id]);
                    item.put("accounts", model.identifierAccounts[id]);
                    item.put("hub", model.hub(id));
                    shared.add(item);
                });
        return ScoreResult.builder()
                .put("risk", model.risk(ringSize, velocity, hops, knownFraud))
                .put("knownAccount", a != null)
                .put("knownFraud", knownFraud)
                .put("ringSize", (Object) ringSize)
                .put("ringFraudAccounts", (Object) ringFraud)
                .put("hopsToFraud", (Object) hops)
                .put("velocity", velocity)
                .put("evidence", shared)
                .build();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
