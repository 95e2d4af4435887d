package io.merx.graph.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The fraud-ring snapshot: accounts, the identifiers they use, and the connected components ("rings") that
 * shared identifiers form. Identifiers used by more than {@code maxShared} accounts (an office IP, a
 * marketplace address) are hubs: shown as evidence but not linking accounts. Immutable heap data.
 */
final class FraudModel {

    /** Weights of the risk score {@code sigmoid(w . features - bias)}. */
    record Weights(double bias, double ring, double velocity, double proximity, double knownFraud) {
    }

    final Weights weights;
    final int velocityDays;
    final int maxShared;
    // accounts
    final String[] accounts;
    final boolean[] fraud;
    final int[] accountComponent;
    /** Account hops to the nearest other known-fraud account, -1 when none is connected. */
    final int[] hops;
    final int[][] accountIdentifiers;
    // identifiers
    final String[] types;
    final String[] values;
    final int[] identifierAccounts;
    /** Hops from the identifier's nearest account to known fraud (0: a fraud account uses it), -1 when none. */
    final int[] identifierDistance;
    final int[] identifierComponent;
    // components
    final int[] componentSize;
    final int[] componentFraud;
    final int[] componentRecentOrders;

    private final Map<String, Integer> accountIndex = new HashMap<>();
    private final Map<String, Integer> identifierIndex = new HashMap<>();

    FraudModel(Weights weights, int velocityDays, int maxShared, String[] accounts, boolean[] fraud,
            int[] accountComponent, int[] hops, int[][] accountIdentifiers, String[] types, String[] values,
            int[] identifierAccounts, int[] identifierDistance, int[] identifierComponent, int[] componentSize,
            int[] componentFraud, int[] componentRecentOrders) {
        this.weights = weights;
        this.velocityDays = velocityDays;
        this.maxShared = maxShared;
        this.accounts = accounts;
        this.fraud = fraud;
        this.accountComponent = accountComponent;
        this.hops = hops;
        this.accountIdentifiers = accountIdentifiers;
        this.types = types;
        this.values = values;
        this.identifierAccounts = identifierAccounts;
        this.identifierDistance = identifierDistance;
        this.identifierComponent = identifierComponent;
        this.componentSize = componentSize;
        this.componentFraud = componentFraud;
        this.componentRecentOrders = componentRecentOrders;
        for (int i = 0; i < accounts.length; i++) {
            accountIndex.put(accounts[i], i);
        }
        for (int i = 0; i < types.length; i++) {
            identifierIndex.put(key(types[i], values[i]), i);
        }
    }

    Integer account(String id) {
        return accountIndex.get(id);
    }

    Integer identifier(String type, String value) {
        return identifierIndex.get(key(type, value));
    }

    boolean hub(int identifier) {
        return identifierAccounts[identifier] > maxShared;
    }

    private static String key(String type, String value) {
        return type + '\u0000' + value;
    }

    /** The risk for ring features; the same formula in training (for the metric) and scoring. */
    double risk(int ringSize, double velocity, int hopsToFraud, boolean knownFraud) {
        double proximity = hopsToFraud > 0 ? 1.0 / hopsToFraud : 0;
        double z = -weights.bias() + weights.ring() * Math.log(Math.max(1, ringSize))
                + weights.velocity() * Math.log1p(velocity) + weights.proximity() * proximity
                + (knownFraud ? weights.knownFraud() : 0);
        return 1 / (1 + Math.exp(-z));
    }

    /** Ring orders per day over the velocity window. */
    double velocity(int recentOrders) {
        return (double) recentOrders / velocityDays;
    }
}
