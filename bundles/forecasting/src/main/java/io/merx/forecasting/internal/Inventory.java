package io.merx.forecasting.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inventory advice from a forecast, for a continuous-review (s, Q) policy. Lead-time demand is the sum of the
 * forecast means over the lead time (a fractional last period counts pro rata); its standard deviation adds
 * the per-step variances read off the 95 % intervals, i.e. it treats the step errors as independent, which
 * understates the spread of strongly trending models. Safety stock = z(service level) x sd, the reorder point =
 * lead-time demand + safety stock, and the order quantity is the economic order quantity
 * sqrt(2 D K / H) with D the mean forecast demand per period, K the fixed cost per order and H the holding
 * cost per unit and period (raised to what brings the stock back above the reorder point).
 */
final class Inventory {

    private Inventory() {
    }

    /**
     * @param forecast covers at least ceil(leadTime) steps
     */
    static Map<String, Object> advise(Forecast forecast, double leadTime, double serviceLevel, double stock,
            double orderCost, double holdingCost) {
        int full = (int) Math.floor(leadTime);
        double fraction = leadTime - full;
        double demand = 0;
        double variance = 0;
        for (int i = 0; i < full; i++) {
            demand += forecast.mean()[i];
            double sd = stepSd(forecast, i);
            variance += sd * sd;
        }
        if (fraction > 0) {
            demand += fraction * forecast.mean()[full];
            double sd = stepSd(forecast, full);
            variance += fraction * fraction * sd * sd;
        }
        double z = Stats.normalQuantile(serviceLevel);
        double safetyStock = Math.max(0, z * Math.sqrt(variance));
        double reorderPoint = demand + safetyStock;
        double perPeriod = Stats.mean(forecast.mean(), 0, forecast.horizon());
        double eoq = orderCost > 0 && holdingCost > 0 && perPeriod > 0
                ? Math.sqrt(2 * perPeriod * orderCost / holdingCost) : 0;
        boolean orderNow = stock <= reorderPoint;
        double quantity = orderNow ? Math.max(eoq, reorderPoint - stock) : 0;
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("leadTimeDemand", demand);
        advice.put("leadTimeSd", Math.sqrt(variance));
        advice.put("safetyStock", safetyStock);
        advice.put("reorderPoint", reorderPoint);
        advice.put("economicOrderQuantity", eoq);
        advice.put("orderNow", orderNow);
        advice.put("orderQuantity", quantity);
        return advice;
    }

    private static double stepSd(Forecast forecast, int i) {
        return Math.max(0, forecast.upper95()[i] - forecast.lower95()[i]) / (2 * Stats.Z95);
    }
}
