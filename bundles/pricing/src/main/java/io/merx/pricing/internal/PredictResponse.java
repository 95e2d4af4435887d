package io.merx.pricing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.merx.api.ScoreRequest;
import io.merx.api.ScoreResult;

/**
 * Answers a {@code predict} request: expected units per period of each product given its price, the prices of
 * its substitutes (the request's, else their current prices) and market conditions. The interval is that of the
 * expected units from coefficient uncertainty (delta method on the log scale), not of one period's sales.
 */
final class PredictResponse {

    private PredictResponse() {
    }

    static ScoreResult answer(DemandModel model, ScoreRequest request) {
        Map<String, Object> given = RequestFields.object(request.inputs(), "prices", "prices");
        if (given.isEmpty()) {
            throw new IllegalArgumentException("field 'prices': a predict request gives at least one product's price");
        }
        double[] prices = MarketInputs.prices(request.inputs(), "prices", model, model.lastPrices());
        MarketContext context = MarketInputs.context(request.inputs(), model);
        List<Map<String, Object>> products = new ArrayList<>();
        double totalUnits = 0;
        double totalRevenue = 0;
        for (String name : given.keySet()) {
            int i = MarketInputs.estimable(model, name, "prices." + name);
            ProductDemand d = model.product(i);
            double[] x = model.design(i, prices, context);
            double mean = DemandModel.dot(d.beta(), x) + 0.5 * d.sigma2();
            double sd = Math.sqrt(DemandModel.quadratic(d.covariance(), x));
            double units = Math.exp(mean);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("product", d.name());
            entry.put("price", prices[i]);
            entry.put("units", units);
            entry.put("unitsLow", Math.exp(mean - ElasticityResponse.Z95 * sd));
            entry.put("unitsHigh", Math.exp(mean + ElasticityResponse.Z95 * sd));
            entry.put("revenue", units * prices[i]);
            entry.put("withinObservedPrices", prices[i] >= d.minPrice() - 1e-9 && prices[i] <= d.maxPrice() + 1e-9);
            products.add(entry);
            totalUnits += units;
            totalRevenue += units * prices[i];
        }
        return ScoreResult.builder().put("type", "predict").put("products", products).put("totalUnits", totalUnits)
                .put("totalRevenue", totalRevenue).build();
    }
}
