package io.merx.pricing.internal;

import java.util.Map;

/** Reads per-product prices and market conditions of a request into vectors over all model products. */
final class MarketInputs {

    private MarketInputs() {
    }

    /**
     * Prices under {@code key} (an object keyed by product) over a copy of {@code defaults}.
     *
     * @throws IllegalArgumentException naming {@code key.product} for unknown products or prices not above 0
     */
    static double[] prices(Map<String, Object> inputs, String key, DemandModel model, double[] defaults) {
        double[] prices = defaults.clone();
        RequestFields.object(inputs, key, key).forEach((product, value) -> {
            String path = key + "." + product;
            double price = RequestFields.number(value, path);
            if (price <= 0) {
                throw new IllegalArgumentException("field '" + path + "' must be a price above 0, got " + price);
            }
            prices[model.indexOf(product, path)] = price;
        });
        return prices;
    }

    /** Promotion, display and competitor prices from the request; absent entries are neutral. */
    static MarketContext context(Map<String, Object> inputs, DemandModel model) {
        MarketContext context = MarketContext.neutral(model.size());
        RequestFields.object(inputs, "promo", "promo").forEach((product, value) ->
                context.promo()[model.indexOf(product, "promo." + product)] =
                        RequestFields.number(value, "promo." + product));
        RequestFields.object(inputs, "display", "display").forEach((product, value) ->
                context.display()[model.indexOf(product, "display." + product)] =
                        RequestFields.number(value, "display." + product));
        RequestFields.object(inputs, "competitorPrice", "competitorPrice").forEach((product, value) -> {
            String path = "competitorPrice." + product;
            double price = RequestFields.number(value, path);
            if (price <= 0) {
                throw new IllegalArgumentException("field '" + path + "' must be a price above 0, got " + price);
            }
            context.logCompetitor()[model.indexOf(product, path)] = Math.log(price);
        });
        return context;
    }

    /** The product, refusing one whose elasticity the model could not estimate. */
    static int estimable(DemandModel model, String product, String field) {
        int i = model.indexOf(product, field);
        ProductDemand d = model.product(i);
        if (!d.estimable()) {
            throw new IllegalArgumentException("field '" + field + "': the elasticity of product '" + product
                    + "' is not identifiable (" + d.note() + "), so its demand cannot be predicted");
        }
        return i;
    }
}
