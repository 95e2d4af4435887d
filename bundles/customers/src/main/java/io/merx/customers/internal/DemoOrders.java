package io.merx.customers.internal;

import java.time.LocalDate;

import io.merx.api.Dataset;

/**
 * The demo data of the customer kinds: a generated shop of 2,000 customers over two years (2024-2025), the
 * {@link SyntheticOrders} groups, about 30,000 order lines; trains each kind in seconds.
 */
public final class DemoOrders {

    public static final int CUSTOMERS = 2_000;
    public static final LocalDate START = LocalDate.of(2024, 1, 1);
    public static final int DAYS = 731;
    public static final long SEED = 20_261_203L;

    private DemoOrders() {
    }

    /** The demo shop, with each customer's true group and parameters. */
    public static SyntheticOrders shop() {
        return SyntheticOrders.generate(CUSTOMERS, START, DAYS, SEED);
    }

    /** The demo order lines. */
    public static Dataset lines() {
        return shop().dataset();
    }
}
