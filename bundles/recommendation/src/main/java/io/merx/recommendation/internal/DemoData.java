package io.merx.recommendation.internal;

import io.merx.api.Dataset;

/** The demo data set of both kinds: a small generated shop that trains in about a second. */
final class DemoData {

    static final int USERS = 1_500;
    static final int ITEMS = 400;
    static final int INTERACTIONS = 30_000;
    static final long SEED = 20_251_123L;

    private DemoData() {
    }

    static Dataset shop() {
        return ShopDataGenerator.generate(USERS, ITEMS, INTERACTIONS, SEED);
    }
}
