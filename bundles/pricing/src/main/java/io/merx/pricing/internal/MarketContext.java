package io.merx.pricing.internal;

import java.util.Arrays;

/**
 * The non-price conditions a prediction is made under, one entry per model product: promotion and display
 * levels (0 when not given) and the log competitor price (NaN: the product's usual competitor price).
 */
record MarketContext(double[] promo, double[] display, double[] logCompetitor) {

    static MarketContext neutral(int products) {
        double[] nan = new double[products];
        Arrays.fill(nan, Double.NaN);
        return new MarketContext(new double[products], new double[products], nan);
    }
}
