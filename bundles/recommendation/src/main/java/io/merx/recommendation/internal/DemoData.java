package io.merx.recommendation.internal;

import io.merx.api.Dataset;

/** The demo data sets of the kinds: a small generated shop that trains in about a second. */
final class DemoData {

    static final int USERS = 1_500;
    static final int ITEMS = 400;
    static final int INTERACTIONS = 30_000;
    static final long SEED = 20_251_123L;

    private DemoData() {
    }

    /** Chance that a shopper's next pick in a session is the successor of their previous pick (sequential demo). */
    static final double SUCCESSOR_PROBABILITY = 0.5;

    static Dataset shop() {
        return ShopDataGenerator.generate(USERS, ITEMS, INTERACTIONS, SEED);
    }

    /** The same shop with an order signal, for the sequential kind: see {@link ShopDataGenerator#generate}. */
    static Dataset orderedShop() {
        // Smaller than the others' shop: the network trains in epochs, and the distribution trains every demo at start.
        return ShopDataGenerator.generate(500, 150, 7_500, SEED, SUCCESSOR_PROBABILITY);
    }
}
