package io.merx.customers.internal.lifetime;

import java.util.Map;

/**
 * What a trained {@code customers.lifetime} model holds: the settings, the served BG/NBD and Gamma-Gamma fits,
 * and every customer's summary at the end of the data ({@code endDay}, days since 1970-01-01).
 */
record LifetimeModel(LifetimeSettings settings, BgNbd purchases, GammaGamma spend, int endDay,
        Map<String, RfmSummary> customers) {

    LifetimeValue value(double horizon) {
        return new LifetimeValue(purchases, spend, horizon, settings.discountPerUnit());
    }
}
