package io.merx.risk.transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The features of one order, the same at training and at scoring: what the order says (amount, items, hour,
 * billing against shipping, account age), what came before it (velocity per identifier over
 * {@link OrderHistory#WINDOWS}, prior orders of the account, identifiers new to the account) and, when a graph is
 * given, where its account and identifiers sit in the identifier graph. Counts enter as {@code ln(1 + n)} so a
 * burst of 30 does not weigh ten times a burst of 3.
 */
final class OrderFeatures {

    /** Features of the order and its history. */
    static final List<String> ORDER_NAMES;
    /** Features from the identifier graph. */
    static final List<String> GRAPH_NAMES = List.of("sharedIdentifiers", "linkedAccounts", "ringSize",
            "ringFraudAccounts", "fraudProximity");

    static {
        List<String> names = new ArrayList<>(List.of("amount", "items", "accountAgeDays", "newAccount",
                "priorOrders", "billingShippingMismatch", "night", "hourSin", "hourCos"));
        for (String type : Order.IDENTIFIER_TYPES) {
            for (String window : OrderHistory.WINDOW_NAMES) {
                names.add(type + "Orders" + window);
            }
        }
        names.addAll(List.of("newCardForAccount", "newDeviceForAccount", "newAddressForAccount"));
        ORDER_NAMES = List.copyOf(names);
    }

    private OrderFeatures() {
    }

    /** Feature names of a model with or without graph features. */
    static List<String> names(boolean graph) {
        if (!graph) {
            return ORDER_NAMES;
        }
        List<String> all = new ArrayList<>(ORDER_NAMES);
        all.addAll(GRAPH_NAMES);
        return List.copyOf(all);
    }

    /**
     * The raw feature vector.
     *
     * @param graph the identifier graph, or null for a model without graph features
     */
    static double[] raw(Order order, OrderMemory history, IdentifierGraph graph) {
        double[] x = new double[ORDER_NAMES.size() + (graph == null ? 0 : GRAPH_NAMES.size())];
        long t = order.time();
        int i = 0;
        x[i++] = Math.log1p(order.amount());
        x[i++] = Math.log1p(order.items());
        double ageDays = order.accountCreatedDay() == Long.MIN_VALUE ? 0
                : Math.max(0, Math.floorDiv(t, 86_400) - order.accountCreatedDay());
        x[i++] = Math.log1p(ageDays);
        x[i++] = ageDays < 2 ? 1 : 0;
        x[i++] = Math.log1p(history.accountOrdersBefore(order.account(), t));
        x[i++] = order.billing() != null && order.address() != null && !order.billing().equals(order.address()) ? 1 : 0;
        double hour = Math.floorMod(t, 86_400) / 3_600.0;
        x[i++] = hour < 6 ? 1 : 0;
        x[i++] = Math.sin(2 * Math.PI * hour / 24);
        x[i++] = Math.cos(2 * Math.PI * hour / 24);
        for (int type = 0; type < Order.IDENTIFIER_TYPES.size(); type++) {
            for (long window : OrderHistory.WINDOWS) {
                x[i++] = Math.log1p(history.count(type, order.identifier(type), t, window));
            }
        }
        for (int type = 0; type < 3; type++) {
            x[i++] = history.firstUseBy(order.account(), type, order.identifier(type), t)
                    && history.identifiedOrdersBefore(order.account(), t) ? 1 : 0;
        }
        if (graph != null) {
            String[] identifiers = new String[Order.IDENTIFIER_TYPES.size()];
            for (int type = 0; type < identifiers.length; type++) {
                identifiers[type] = order.identifier(type);
            }
            IdentifierGraph.Features g = graph.features(order.account(), identifiers);
            x[i++] = g.sharedIdentifiers();
            x[i++] = Math.log1p(g.linkedAccounts());
            x[i++] = Math.log(g.ringSize());
            x[i++] = Math.log1p(g.ringFraudAccounts());
            x[i++] = g.hopsToFraud() > 0 ? 1.0 / g.hopsToFraud() : 0;
        }
        return x;
    }
}
